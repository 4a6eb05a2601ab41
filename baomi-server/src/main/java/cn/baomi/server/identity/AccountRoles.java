package cn.baomi.server.identity;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.baomi.server.shared.PersonRoles;
import cn.baomi.server.shared.Role;

/** {@link PersonRoles}: a role counts when an enabled account linked to the person holds it. */
@Component
class AccountRoles implements PersonRoles {

    private final JdbcClient jdbc;

    AccountRoles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean holds(long personId, Role role) {
        return jdbc.sql("select count(*) from accounts a join account_roles r on r.account_id = a.id "
                        + "where a.person_id = ? and a.enabled = true and r.role = ?")
                .params(personId, role.name()).query(Long.class).single() > 0;
    }
}
