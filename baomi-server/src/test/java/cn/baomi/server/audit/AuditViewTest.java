package cn.baomi.server.audit;

import static cn.baomi.server.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.Role;
import cn.baomi.server.support.BaomiTest;
import cn.baomi.server.support.TestUsers;

@BaomiTest
class AuditViewTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AuditTrail trail;
    @Autowired
    AuditReview review;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void auditorSeesTheRowsOfEveryActor() throws Exception {
        String staff = AuditTrailTest.unique("staff");
        String auditor = AuditTrailTest.unique("auditor");
        trail.recordAs(staff, "STAFF", AuditRecord.success("CARRIER_REGISTERED", "carrier", 1));
        trail.recordAs(auditor, "SECURITY_AUDITOR", AuditRecord.success("AUDIT_VIEWED", "audit", null));

        String page = page(get("/audit"), TestUsers.administrator(Role.SECURITY_AUDITOR));

        assertThat(page).contains(staff).contains(auditor).contains("安全审计员").contains("工作人员")
                .contains("查看审计日志").doesNotContain("scope-note");
    }

    /** The object of a row is named in words (载体 1), not by its stored type code (carrier:1). */
    @Test
    void theTrailNamesTheObjectInWords() throws Exception {
        String staff = AuditTrailTest.unique("staff");
        trail.recordAs(staff, "STAFF", AuditRecord.success("CARRIER_REGISTERED", "carrier", 77));
        trail.recordAs(staff, "STAFF", AuditRecord.success("NOTE", "level change", 78));
        String page = page(get("/audit").param("actor", staff), TestUsers.administrator(Role.SECURITY_AUDITOR));
        assertThat(page).contains(">载体 77<").contains(">涉密等级变更 78<").doesNotContain("carrier:77");
    }

    @Test
    void securityAdministratorSeesOnlyTheAuditorsRows() throws Exception {
        String staff = AuditTrailTest.unique("staff");
        String auditor = AuditTrailTest.unique("auditor");
        String lookalike = AuditTrailTest.unique("lookalike");
        trail.recordAs(staff, "STAFF", AuditRecord.success("CARRIER_REGISTERED", "carrier", 1));
        trail.recordAs(auditor, "SECURITY_AUDITOR", AuditRecord.success("AUDIT_VIEWED", "audit", null));
        trail.recordAs(lookalike, "XSECURITY_AUDITOR", AuditRecord.success("NOTE", "audit", null));

        String page = page(get("/audit"), TestUsers.administrator(Role.SECURITY_ADMIN));

        assertThat(page).contains(auditor).contains("scope-note").doesNotContain(staff).doesNotContain(lookalike);
        assertThat(page(get("/audit").param("actor", staff), TestUsers.administrator(Role.SECURITY_ADMIN)))
                .doesNotContain(staff + "</td>").contains("no-rows");
    }

    @Test
    void securityAdministratorsReviewIsScopedInTheQueryNotTheTemplate() {
        String staff = AuditTrailTest.unique("staff");
        trail.recordAs(staff, "STAFF", AuditRecord.success("CARRIER_REGISTERED", "carrier", 1));
        TestUsers.signIn(TestUsers.administrator(Role.SECURITY_ADMIN));

        AuditReview.Page page = review.review(new AuditFilter(staff, null, null, null, null), 1);

        assertThat(page.total()).isZero();
        assertThat(page.rows()).isEmpty();
    }

    @Test
    void reviewIsRefusedToOtherRolesEvenPastTheUrlRules() {
        TestUsers.signIn(TestUsers.administrator(Role.SYSTEM_ADMIN));
        assertThatThrownBy(() -> review.review(AuditFilter.NONE, 1)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> review.verify()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void systemAdministratorAndEveryBusinessRoleAreDeniedTheTrail() throws Exception {
        List<CurrentUser> denied = new ArrayList<>();
        denied.add(TestUsers.administrator(Role.SYSTEM_ADMIN));
        Role.business().forEach(role -> denied.add(TestUsers.user(1L, null, role)));
        for (CurrentUser user : denied) {
            mvc.perform(get("/audit").with(as(user))).andExpect(status().isForbidden());
            mvc.perform(get("/audit/export").with(as(user))).andExpect(status().isForbidden());
            mvc.perform(post("/audit/verify").with(as(user)).with(csrf())).andExpect(status().isForbidden());
            assertThat(rows(user.username(), "AUDIT_VERIFIED")).isZero();
            assertThat(rows(user.username(), "ACCESS_DENIED")).isEqualTo(3);
        }
    }

    @Test
    void signedOutVisitorsAreSentToSignIn() throws Exception {
        mvc.perform(get("/audit")).andExpect(status().is3xxRedirection());
    }

    @Test
    void viewingTheTrailIsAudited() throws Exception {
        CurrentUser auditor = TestUsers.administrator(Role.SECURITY_AUDITOR);
        page(get("/audit").param("outcome", "DENIED"), auditor);

        AuditEvent viewed = last(auditor.username());
        assertThat(viewed.action()).isEqualTo("AUDIT_VIEWED");
        assertThat(viewed.actorRoles()).isEqualTo("SECURITY_AUDITOR");
        assertThat(viewed.detail()).isEqualTo("outcome=DENIED page=1");
        assertThat(viewed.clientAddress()).isEqualTo("127.0.0.1");
    }

    @Test
    void verifyingIsAuditedWithItsOutcome() throws Exception {
        CurrentUser auditor = TestUsers.administrator(Role.SECURITY_AUDITOR);

        mvc.perform(post("/audit/verify").with(as(auditor)).with(csrf()))
                .andExpect(status().is3xxRedirection());

        AuditEvent verified = last(auditor.username());
        assertThat(verified.action()).isEqualTo("AUDIT_VERIFIED");
        assertThat(verified.outcome()).isEqualTo("SUCCESS");
        assertThat(verified.detail()).startsWith("intact checked=");
    }

    @Test
    void verifyNamesTheResultInThePage() throws Exception {
        CurrentUser auditor = TestUsers.administrator(Role.SECURITY_AUDITOR);
        String fragment = mvc.perform(post("/audit/verify").header("HX-Request", "true").with(as(auditor)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(fragment).contains("审计链完整，共校验").doesNotContain("<html");

        String english = mvc.perform(post("/audit/verify").param("lang", "en").header("HX-Request", "true")
                        .with(as(auditor)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(english).contains("The audit chain is intact");
    }

    @Test
    void securityAdministratorMayVerifyTheChain() throws Exception {
        mvc.perform(post("/audit/verify").with(as(TestUsers.administrator(Role.SECURITY_ADMIN))).with(csrf()))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void verifyWithoutCsrfTokenIsRejected() throws Exception {
        CurrentUser auditor = TestUsers.administrator(Role.SECURITY_AUDITOR);
        mvc.perform(post("/audit/verify").with(as(auditor))).andExpect(redirectedUrl("/login?expired"));
        assertThat(rows(auditor.username(), "AUDIT_VERIFIED")).isZero();
    }

    @Test
    void filtersNarrowTheTrailByActorActionOutcomeAndDate() throws Exception {
        String actor = AuditTrailTest.unique("filter");
        trail.recordAs(actor, "STAFF", AuditRecord.success("CARRIER_REGISTERED", "carrier", "c-1"));
        trail.recordAs(actor, "STAFF", new AuditRecord("CARRIER_DESTROYED", "carrier", "c-2",
                AuditRecord.Outcome.DENIED, null));
        CurrentUser auditor = TestUsers.administrator(Role.SECURITY_AUDITOR);

        assertThat(page(get("/audit").param("actor", actor).param("outcome", "DENIED"), auditor))
                .contains("载体 c-2").doesNotContain("载体 c-1");
        assertThat(page(get("/audit").param("actor", actor).param("action", "CARRIER_REGISTERED"), auditor))
                .contains("载体 c-1").doesNotContain("载体 c-2");
        String today = java.time.LocalDate.now().toString();
        assertThat(page(get("/audit").param("actor", actor).param("from", today).param("to", today), auditor))
                .contains("载体 c-1").contains("载体 c-2").contains(">" + today + " ");
        assertThat(page(get("/audit").param("actor", actor).param("to", "2000-01-01"), auditor))
                .doesNotContain("载体 c-1").contains("no-rows");
    }

    @Test
    void theFullPageWiresFiltersAndVerifyToHtmxWithoutInlineScript() throws Exception {
        String page = page(get("/audit"), TestUsers.administrator(Role.SECURITY_AUDITOR));
        assertThat(page).contains("hx-get=\"/audit\"").contains("hx-post=\"/audit/verify\"")
                .contains("name=\"_csrf\"").doesNotContain("<script>").doesNotContain("style=");
    }

    @Test
    void htmxFilteringAnswersOnlyTheTable() throws Exception {
        String fragment = mvc.perform(get("/audit").header("HX-Request", "true")
                        .with(as(TestUsers.administrator(Role.SECURITY_AUDITOR))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(fragment).contains("audit-table").doesNotContain("<html").doesNotContain("audit-filter");
    }

    @Test
    void aMalformedDateIsNamedBesideTheFiltersNotAStackTrace() throws Exception {
        String page = page(get("/audit").param("from", "yesterday"), TestUsers.administrator(Role.SECURITY_AUDITOR));
        assertThat(page).contains("filter-errors").contains("自：格式有误").doesNotContain("Exception");
    }

    @Test
    void theTrailIsPagedFiftyToAPageNewestFirst() throws Exception {
        String actor = AuditTrailTest.unique("paging");
        for (int i = 1; i <= 51; i++) {
            trail.recordAs(actor, "STAFF", AuditRecord.success("NOTE", "n", "n" + i));
        }
        CurrentUser auditor = TestUsers.administrator(Role.SECURITY_AUDITOR);

        String first = page(get("/audit").param("actor", actor), auditor);
        assertThat(first).contains("第 1 / 2 页，共 51 条").contains(">n n51<").contains(">n n2<").doesNotContain(">n n1<");
        assertThat(first).contains("href=\"/audit?actor=" + actor + "&amp;").contains("page=2\">下一页</a>")
                .doesNotContain("上一页");
        assertThat(first.indexOf(">n n51<")).isLessThan(first.indexOf(">n n50<"));
        assertThat(page(get("/audit").param("actor", actor).param("page", "2"), auditor))
                .contains(">n n1<").doesNotContain(">n n2<").contains("page=1\">上一页</a>").doesNotContain("下一页");
    }

    @Test
    void exportIsUtf8WithAByteOrderMarkAndOnlyTheVisibleRows() throws Exception {
        String staff = AuditTrailTest.unique("staff");
        String auditor = AuditTrailTest.unique("auditor");
        trail.recordAs(staff, "STAFF", AuditRecord.success("NOTE", "n", 1));
        trail.recordAs(auditor, "SECURITY_AUDITOR", AuditRecord.success("NOTE", "n", 1).withDetail("=cmd()"));
        CurrentUser secadmin = TestUsers.administrator(Role.SECURITY_ADMIN);

        byte[] csv = mvc.perform(get("/audit/export").with(as(secadmin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();

        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).contains(auditor).contains("\"'=cmd()\"").doesNotContain(staff);
        assertThat(text.lines().findFirst().orElseThrow()).startsWith("\uFEFF\"序号 seq\",\"时间 time\",\"操作人 actor\"");
        assertThat(rows(secadmin.username(), "AUDIT_EXPORTED")).isEqualTo(1);
    }

    /** An administrator named after the role sees the name once in the top bar, not "安全审计员 安全审计员". */
    @Test
    void theTopBarDoesNotRepeatARoleThatIsTheName() throws Exception {
        CurrentUser named = new CurrentUser(990_001, AuditTrailTest.unique("auditor"), "安全审计员", null, null,
                java.util.EnumSet.of(Role.SECURITY_AUDITOR));
        String page = page(get("/"), named);
        String topBar = page.substring(page.indexOf("id=\"current-user\""), page.indexOf("/account/password"));
        assertThat(topBar.split("安全审计员", -1)).hasSize(2);
        String english = page(get("/").param("lang", "en"), named);
        assertThat(english.substring(english.indexOf("id=\"current-user\""))).contains("Security auditor");
    }

    @Test
    void theMenuOffersTheTrailToTheAuditorAndTheSecurityAdministratorOnly() throws Exception {
        assertThat(page(get("/"), TestUsers.administrator(Role.SECURITY_AUDITOR))).contains("href=\"/audit\"");
        assertThat(page(get("/"), TestUsers.administrator(Role.SECURITY_ADMIN))).contains("href=\"/audit\"");
        assertThat(page(get("/"), TestUsers.administrator(Role.SYSTEM_ADMIN))).doesNotContain("href=\"/audit\"");
    }

    @Test
    void aFailedSignInIsAuditedWithTheNameTriedAndTheClientAddress() throws Exception {
        String name = AuditTrailTest.unique("nobody");
        mvc.perform(post("/login").param("username", name).param("password", "wrong-Password-1").with(csrf()))
                .andExpect(status().is3xxRedirection());

        AuditEvent failed = last(name);
        assertThat(failed.action()).isEqualTo("SIGN_IN_FAILED");
        assertThat(failed.outcome()).isEqualTo("FAILURE");
        assertThat(failed.clientAddress()).isEqualTo("127.0.0.1");
    }

    private String page(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
                        CurrentUser user) throws Exception {
        return mvc.perform(request.with(as(user))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private long rows(String actor, String action) {
        return jdbc.sql("select count(*) from audit_events where actor = ? and action = ?").params(actor, action)
                .query(Long.class).single();
    }

    private AuditEvent last(String actor) {
        return jdbc.sql("select * from audit_events where actor = ? order by seq desc limit 1").param(actor)
                .query(AuditEvents::map).single();
    }
}
