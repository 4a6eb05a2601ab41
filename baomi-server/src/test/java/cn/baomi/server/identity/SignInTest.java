package cn.baomi.server.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import cn.baomi.server.shared.Role;
import cn.baomi.server.support.BaomiTest;

@BaomiTest
class SignInTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityFixtures fixtures;
    @Autowired
    JdbcClient jdbc;

    private MvcResult signIn(String username, String password) throws Exception {
        return mvc.perform(post("/login").param("username", username).param("password", password).with(csrf()))
                .andReturn();
    }

    private Cookie sessionCookie(MvcResult result) {
        Cookie cookie = result.getResponse().getCookie("SESSION");
        assertThat(cookie).as("session cookie").isNotNull();
        return cookie;
    }

    @Test
    void signInWithTheRightPasswordOpensTheHomePage() throws Exception {
        Account account = fixtures.account(Role.STAFF);
        MvcResult result = signIn(account.username(), IdentityFixtures.PASSWORD);
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
        mvc.perform(get("/").cookie(sessionCookie(result))).andExpect(status().isOk());
    }

    @Test
    void oneTimePasswordMustBeChangedAtFirstSignIn() throws Exception {
        AccountService.Created created = fixtures.freshAccount();
        String username = jdbc.sql("select username from accounts where id = ?").param(created.accountId())
                .query(String.class).single();
        MvcResult result = signIn(username, created.oneTimePassword());
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/account/password");
        Cookie session = sessionCookie(result);
        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(post("/account/password").cookie(session).with(csrf())
                        .param("currentPassword", created.oneTimePassword())
                        .param("newPassword", "Chosen#Pass2026").param("confirmPassword", "Chosen#Pass2026"))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/").cookie(session)).andExpect(status().isOk());
    }

    @Test
    void fiveFailuresLockTheAccountEvenAgainstTheRightPassword() throws Exception {
        Account account = fixtures.account(Role.STAFF);
        for (int i = 1; i <= 4; i++) {
            assertThat(signIn(account.username(), "wrong").getResponse().getRedirectedUrl())
                    .isEqualTo("/login?error=bad-credentials");
        }
        assertThat(signIn(account.username(), "wrong").getResponse().getRedirectedUrl()).isEqualTo("/login?error=locked");
        assertThat(signIn(account.username(), IdentityFixtures.PASSWORD).getResponse().getRedirectedUrl())
                .isEqualTo("/login?error=locked");
        Timestamp lockedUntil = jdbc.sql("select locked_until from accounts where id = ?").param(account.id())
                .query(Timestamp.class).single();
        assertThat(lockedUntil.toInstant()).isBetween(Instant.now().plus(14, ChronoUnit.MINUTES),
                Instant.now().plus(16, ChronoUnit.MINUTES));
    }

    @Test
    void lockEndsAfterTheLockDuration() throws Exception {
        Account account = fixtures.account(Role.STAFF);
        for (int i = 0; i < 5; i++) {
            signIn(account.username(), "wrong");
        }
        jdbc.sql("update accounts set locked_until = ? where id = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(1)), account.id()).update();
        assertThat(signIn(account.username(), IdentityFixtures.PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/");
    }

    @Test
    void aSuccessfulSignInResetsTheFailureCount() throws Exception {
        Account account = fixtures.account(Role.STAFF);
        for (int i = 0; i < 4; i++) {
            signIn(account.username(), "wrong");
        }
        signIn(account.username(), IdentityFixtures.PASSWORD);
        assertThat(signIn(account.username(), "wrong").getResponse().getRedirectedUrl())
                .isEqualTo("/login?error=bad-credentials");
    }

    @Test
    void signInFailureAndSignOutAreAudited() throws Exception {
        Account account = fixtures.account(Role.STAFF);
        signIn(account.username(), "wrong");
        Cookie session = sessionCookie(signIn(account.username(), IdentityFixtures.PASSWORD));
        mvc.perform(post("/logout").cookie(session).with(csrf())).andExpect(redirectedUrl("/login?logout"));
        assertThat(jdbc.sql("select action || ':' || outcome from audit_events where target_id = ? order by seq")
                .param(account.username()).query(String.class).list())
                .containsSubsequence("SIGN_IN_FAILED:FAILURE", "SIGN_IN:SUCCESS", "SIGN_OUT:SUCCESS");
    }

    @Test
    void failedSignInIsRecordedWithTheAccountsRolesSoTheAuditorsFailuresAreReviewed() throws Exception {
        Account auditor = fixtures.account(Role.SECURITY_AUDITOR);
        signIn(auditor.username(), "wrong");
        assertThat(jdbc.sql("select actor_roles from audit_events where action = 'SIGN_IN_FAILED' and actor = ?")
                .param(auditor.username()).query(String.class).single()).isEqualTo("SECURITY_AUDITOR");
    }

    @Test
    void idleSessionEndsAfterThirtyMinutes() throws Exception {
        Account account = fixtures.account(Role.STAFF);
        MvcResult result = signIn(account.username(), IdentityFixtures.PASSWORD);
        Cookie session = sessionCookie(result);
        mvc.perform(get("/").cookie(session)).andExpect(status().isOk());
        assertThat(jdbc.sql("select max_inactive_interval from spring_session where principal_name = ?")
                .param(account.username()).query(Integer.class).single()).isEqualTo(30 * 60);
        long idle = Instant.now().minus(31, ChronoUnit.MINUTES).toEpochMilli();
        jdbc.sql("update spring_session set last_access_time = ?, expiry_time = ? where principal_name = ?")
                .params(idle, idle + 30 * 60 * 1000L, account.username()).update();
        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/login"));
    }

    @Test
    void postWithoutCsrfTokenIsRejected() throws Exception {
        Account account = fixtures.account(Role.STAFF);
        Cookie session = sessionCookie(signIn(account.username(), IdentityFixtures.PASSWORD));
        mvc.perform(post("/account/password").cookie(session)
                        .param("currentPassword", IdentityFixtures.PASSWORD)
                        .param("newPassword", "Other#Pass2026").param("confirmPassword", "Other#Pass2026"))
                .andExpect(redirectedUrl("/login?expired"));
        mvc.perform(get("/login").param("expired", "")).andExpect(status().isOk())
                .andExpect(content().string(containsString("页面已过期或已退出登录，刚才提交的内容未保存")));
        mvc.perform(post("/login").param("username", account.username()).param("password", IdentityFixtures.PASSWORD))
                .andExpect(redirectedUrl("/login?expired"));
        assertThat(jdbc.sql("select count(*) from audit_events where action = 'CSRF_REJECTED' and target_id = ?")
                .param("/account/password").query(Long.class).single()).isPositive();
    }

    @Test
    void changingThePasswordEnforcesTheRules() throws Exception {
        Account account = fixtures.account(Role.STAFF);
        Cookie session = sessionCookie(signIn(account.username(), IdentityFixtures.PASSWORD));
        String page = mvc.perform(post("/account/password").cookie(session).with(csrf())
                        .param("currentPassword", IdentityFixtures.PASSWORD)
                        .param("newPassword", "short1A!").param("confirmPassword", "short1A!"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("密码至少需要 10 个字符");
        page = mvc.perform(post("/account/password").cookie(session).with(csrf())
                        .param("currentPassword", IdentityFixtures.PASSWORD)
                        .param("newPassword", IdentityFixtures.PASSWORD).param("confirmPassword", IdentityFixtures.PASSWORD))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("最近 5 次");
    }
}
