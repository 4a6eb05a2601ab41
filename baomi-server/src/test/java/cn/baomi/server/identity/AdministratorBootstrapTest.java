package cn.baomi.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.baomi.server.shared.Role;
import cn.baomi.server.support.BaomiTest;

@BaomiTest
class AdministratorBootstrapTest {

    @Autowired
    Accounts accounts;

    @Test
    void firstStartCreatesTheThreeAdministratorsWhoMustChangeTheirPasswords() {
        assertThat(accounts.findByUsername("sysadmin")).get()
                .satisfies(a -> assertThat(a.roles()).containsExactly(Role.SYSTEM_ADMIN))
                .satisfies(a -> assertThat(a.mustChangePassword()).isTrue());
        assertThat(accounts.findByUsername("secadmin")).get()
                .satisfies(a -> assertThat(a.roles()).containsExactly(Role.SECURITY_ADMIN));
        assertThat(accounts.findByUsername("auditor")).get()
                .satisfies(a -> assertThat(a.roles()).containsExactly(Role.SECURITY_AUDITOR));
    }
}
