package cn.baomi.server.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import cn.baomi.server.organization.UnitsChanged;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.Role;

/** Accounts with known passwords for sign-in tests. */
@Component
class IdentityFixtures {

    static final String PASSWORD = "Strong#Pass2026";
    private final AccountService service;
    private final Accounts accounts;
    private final PasswordEncoder encoder;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    IdentityFixtures(AccountService service, Accounts accounts, PasswordEncoder encoder, JdbcClient jdbc,
                     ApplicationEventPublisher events) {
        this.service = service;
        this.accounts = accounts;
        this.encoder = encoder;
        this.jdbc = jdbc;
        this.events = events;
    }

    static String uniqueName(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    long unit() {
        String code = uniqueName("U");
        jdbc.sql("insert into units (code, name, created_at) values (?, ?, ?)")
                .params(code, "测试单位" + code, Timestamp.from(Instant.now())).update();
        events.publishEvent(new UnitsChanged()); // written behind UnitService's back: drop the cached unit tree
        return jdbc.sql("select id from units where code = ?").param(code).query(Long.class).single();
    }

    /** An account that has already chosen its password {@link #PASSWORD}. */
    Account account(Role first, Role... more) {
        EnumSet<Role> roles = EnumSet.of(first, more);
        Long unitId = roles.stream().anyMatch(r -> !r.isAdministrator()) ? unit() : null;
        AccountService.Created created = service.createWithRoles(uniqueName("u"), "测试", unitId, roles);
        accounts.updatePassword(created.accountId(), encoder.encode(PASSWORD), false);
        return accounts.findById(created.accountId()).orElseThrow();
    }

    /** An account still holding its one-time password. */
    AccountService.Created freshAccount() {
        return service.createWithRoles(uniqueName("n"), "新用户", unit(), EnumSet.of(Role.STAFF));
    }

    CurrentUser signedIn(Account account) {
        return account.asCurrentUser();
    }
}
