package cn.baomi.server.identity;

import static cn.baomi.server.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.baomi.server.shared.Role;
import cn.baomi.server.support.BaomiTest;
import cn.baomi.server.support.TestUsers;

@BaomiTest
class ApiTokenTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityFixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AccountService accountService;
    @Autowired
    IdentityChanges changes;

    @Test
    void aPersonalTokenSignsInTheApiAndIsStoredOnlyAsADigest() throws Exception {
        Account account = fixtures.account(Role.SECRECY_OFFICER);
        String token = new ApiTokenServiceAccess(mvc).issue(account);
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value(account.username()));
        assertThat(jdbc.sql("select count(*) from api_tokens where token_hash = ?").param(token).query(Long.class).single())
                .isZero();
    }

    @Test
    void aRevokedTokenNoLongerWorks() throws Exception {
        Account account = fixtures.account(Role.STAFF);
        String token = new ApiTokenServiceAccess(mvc).issue(account);
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk()); // kept
        long id = jdbc.sql("select id from api_tokens where account_id = ?").param(account.id()).query(Long.class).single();
        mvc.perform(post("/account/tokens/" + id + "/revoke").with(as(account.asCurrentUser())).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    @Test
    void anUnknownTokenIsRefusedWithAProblem() throws Exception {
        mvc.perform(get("/api/me").header("Authorization", "Bearer bm_forged"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.title").value("未登录或令牌无效"));
    }

    @Test
    void theApiIgnoresTheBrowserSessionSoItNeedsNoCsrfToken() throws Exception {
        mvc.perform(get("/api/me")).andExpect(status().isUnauthorized());
    }

    @Test
    void aTokensUseIsNotedToTheMinute() throws Exception {
        Account account = fixtures.account(Role.STAFF);
        String token = new ApiTokenServiceAccess(mvc).issue(account);
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        java.sql.Timestamp first = lastUsed(account);
        assertThat(first).isNotNull();
        Thread.sleep(5);
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        assertThat(lastUsed(account)).isEqualTo(first);
        jdbc.sql("update api_tokens set last_used_at = ? where account_id = ?")
                .params(java.sql.Timestamp.from(first.toInstant().minusSeconds(61)), account.id()).update();
        changes.changed(); // a minute later, as far as the token kept in memory knows
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        assertThat(lastUsed(account)).isAfterOrEqualTo(first);
    }

    /** A token in use is kept in memory; a change of its account through Baomi holds for the very next request. */
    @Test
    void aTokenInUseStopsAtOnceWhenItsAccountIsDisabledAndKnowsItsNewRolesAtOnce() throws Exception {
        Account account = fixtures.account(Role.STAFF);
        String token = new ApiTokenServiceAccess(mvc).issue(account);
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + token))
                .andExpect(jsonPath("$.roles[0]").value("STAFF"));
        asAdministrator(Role.SECURITY_ADMIN, () -> accountService.assignRoles(account.id(), Set.of(Role.DEPARTMENT_HEAD)));
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + token))
                .andExpect(jsonPath("$.roles[0]").value("DEPARTMENT_HEAD"));
        asAdministrator(Role.SYSTEM_ADMIN, () -> accountService.setEnabled(account.id(), false));
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
        asAdministrator(Role.SYSTEM_ADMIN, () -> accountService.setEnabled(account.id(), true));
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
    }

    private static void asAdministrator(Role role, Runnable change) {
        TestUsers.runAs(TestUsers.administrator(role), change);
    }

    private java.sql.Timestamp lastUsed(Account account) {
        return jdbc.sql("select last_used_at from api_tokens where account_id = ?").param(account.id())
                .query(java.sql.Timestamp.class).single();
    }
}
