package cn.baomi.server.approval;

import static cn.baomi.server.approval.ApprovalFixtures.copy;
import static cn.baomi.server.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.mock.web.MockHttpServletResponse;

import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.Role;
import cn.baomi.server.support.BaomiTest;
import cn.baomi.server.support.TestUsers;

/** The approvals pages and the home page's to-dos: what each user sees and may decide. */
@BaomiTest
class ApprovalPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Approvals approvals;
    @Autowired
    ApprovalFixtures fixtures;
    @Autowired
    JdbcClient jdbc;

    ApprovalFixtures.Office o;

    @BeforeEach
    void office() {
        o = fixtures.office();
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private String page(String path, CurrentUser user) throws Exception {
        return mvc.perform(get(path).with(as(user))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    @Test
    void pendingApprovalsAppearAsHomePageTodos() throws Exception {
        long first = fixtures.request(o.staff(), copy("SECRET"));
        fixtures.request(o.staff(), copy("SECRET"));
        assertThat(page("/", o.head())).contains("2 项审批待您处理").contains("href=\"/approvals\"");
        assertThat(page("/", o.officer())).doesNotContain("项审批待您处理");
        assertThat(page("/", o.registryHead())).doesNotContain("项审批待您处理");
        assertThat(page("/", o.foreignHead())).doesNotContain("项审批待您处理");
        assertThat(page("/", o.staff())).doesNotContain("项审批待您处理");

        mvc.perform(post("/approvals/{id}/approve", first).with(csrf()).with(as(o.head())))
                .andExpect(redirectedUrl("/approvals/" + first));
        assertThat(page("/", o.head())).contains("1 项审批待您处理");
        assertThat(page("/", o.officer())).contains("1 项审批待您处理");
        assertThat(page("/", o.secondOfficer())).contains("1 项审批待您处理");
        assertThat(page("/", o.foreignOfficer())).doesNotContain("项审批待您处理");
    }

    @Test
    void theTabsListWhatIMayDecideAndWhatIRequested() throws Exception {
        long id = fixtures.request(o.staff(), new NewApproval("test.kind", "test", "T-9", "销毁旧光盘三张", "SECRET", false));
        assertThat(page("/approvals", o.head())).contains("待我审批").contains("我的申请").contains("销毁旧光盘三张")
                .contains("/approvals/" + id);
        assertThat(page("/approvals", o.officer())).doesNotContain("销毁旧光盘三张").contains("no-approvals");
        assertThat(page("/approvals?box=mine", o.staff())).contains("销毁旧光盘三张");
        assertThat(page("/approvals?box=mine", o.head())).doesNotContain("销毁旧光盘三张");
        assertThat(page("/approvals", o.foreignHead())).doesNotContain("销毁旧光盘三张");
    }

    @Test
    void theDetailShowsTheStepsWhoDecidedAndTheOpinion() throws Exception {
        long id = fixtures.request(o.staff(), copy("TOP_SECRET"));
        assertThat(page("/approvals/" + id, o.head())).contains("复制会议纪要一份").contains("部门负责人").contains("保密办")
                .contains("单位领导").contains("id=\"approve\"").contains("id=\"reject\"").contains("_csrf");
        assertThat(page("/approvals/" + id, o.officer())).doesNotContain("id=\"approve\"");
        assertThat(page("/approvals/" + id, o.staff())).contains("id=\"withdraw\"").contains("hx-confirm")
                .doesNotContain("id=\"approve\"");

        mvc.perform(post("/approvals/{id}/approve", id).param("opinion", "同意复制一份").with(csrf()).with(as(o.head())))
                .andExpect(flash().attribute("notice", "approval.notice.approved"));
        assertThat(page("/approvals/" + id, o.officer())).contains("同意复制一份").contains(o.head().displayName())
                .contains("id=\"approve\"");
        assertThat(jdbc.sql("select count(*) from audit_events where action = 'APPROVAL_VIEWED' and target_id = ?")
                .param(String.valueOf(id)).query(Long.class).single()).isEqualTo(4);
    }

    @Test
    void aRejectionWithoutOpinionGoesBackWithTheRule() throws Exception {
        long id = fixtures.request(o.staff(), copy("SECRET"));
        mvc.perform(post("/approvals/{id}/reject", id).param("opinion", " ").with(csrf()).with(as(o.head())))
                .andExpect(redirectedUrl("/approvals/" + id))
                .andExpect(flash().attribute("error", "approval.rule.opinionRequired"));
        assertThat(approvals.find(id).orElseThrow().state()).isEqualTo(ApprovalState.PENDING);
        mvc.perform(post("/approvals/{id}/reject", id).param("opinion", "不必复制").with(csrf()).with(as(o.head())))
                .andExpect(flash().attribute("notice", "approval.notice.rejected"));
        assertThat(approvals.find(id).orElseThrow().state()).isEqualTo(ApprovalState.REFUSED);
        mvc.perform(post("/approvals/{id}/approve", id).with(csrf()).with(as(o.officer())))
                .andExpect(flash().attribute("error", "approval.rule.decided"));

        long other = fixtures.request(o.staff(), copy("SECRET"));
        MockHttpServletResponse tooLong = mvc.perform(post("/approvals/{id}/approve", other)
                .param("opinion", "长".repeat(501)).with(csrf()).with(as(o.head()))).andReturn().getResponse();
        String shown = mvc.perform(get(tooLong.getRedirectedUrl()).cookie(tooLong.getCookies()).with(as(o.head())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(shown).contains("意见不能超过 500 个字符。").contains("长".repeat(501)).contains("审批中");
    }

    @Test
    void thePagesSpeakEnglishToo() throws Exception {
        long id = fixtures.request(o.staff(), copy("SECRET"));
        String list = mvc.perform(get("/approvals").param("lang", "en").with(as(o.head())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("Waiting for me").contains("My requests").contains("Pending");
        String detail = mvc.perform(get("/approvals/{id}", id).param("lang", "en").with(as(o.head())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(detail).contains("Department head").contains("Secrecy office").contains("Approve").contains("Reject");
    }

    @Test
    void aWithdrawalConfirmedThroughHtmxAnswersWithAnHtmxRedirect() throws Exception {
        long id = fixtures.request(o.staff(), copy("SECRET"));
        mvc.perform(post("/approvals/{id}/withdraw", id).header("HX-Request", "true").with(csrf()).with(as(o.staff())))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Redirect", "/approvals/" + id));
        assertThat(approvals.find(id).orElseThrow().state()).isEqualTo(ApprovalState.WITHDRAWN);
        assertThat(page("/approvals/" + id, o.staff())).contains("已撤回").doesNotContain("id=\"withdraw\"")
                .doesNotContain("待审批");
    }

    @Test
    void anotherUnitOrDepartmentCannotSeeOrDecideThePages() throws Exception {
        long id = fixtures.request(o.staff(), copy("SECRET"));
        for (CurrentUser outsider : new CurrentUser[] {o.foreignOfficer(), o.foreignHead(), o.registryHead(), o.registryStaff()}) {
            mvc.perform(get("/approvals/{id}", id).with(as(outsider))).andExpect(status().isNotFound());
            mvc.perform(post("/approvals/{id}/approve", id).with(csrf()).with(as(outsider))).andExpect(status().isNotFound());
            mvc.perform(post("/approvals/{id}/withdraw", id).with(csrf()).with(as(outsider))).andExpect(status().isNotFound());
        }
        mvc.perform(post("/approvals/{id}/approve", id).with(csrf()).with(as(o.officer()))).andExpect(status().isForbidden());
        mvc.perform(post("/approvals/{id}/withdraw", id).with(csrf()).with(as(o.head()))).andExpect(status().isForbidden());
        mvc.perform(post("/approvals/{id}/approve", id).with(as(o.head()))).andExpect(redirectedUrl("/login?expired"));
        Approval untouched = approvals.find(id).orElseThrow();
        assertThat(untouched.state()).isEqualTo(ApprovalState.PENDING);
        assertThat(untouched.currentStep()).isEqualTo(1);
    }

    @Test
    void administratorsAreRefusedEverywhere() throws Exception {
        long id = fixtures.request(o.staff(), copy("SECRET"));
        for (Role role : Role.administrators()) {
            CurrentUser admin = TestUsers.administrator(role);
            mvc.perform(get("/approvals").with(as(admin))).andExpect(status().isForbidden());
            mvc.perform(get("/approvals/{id}", id).with(as(admin))).andExpect(status().isForbidden());
            mvc.perform(post("/approvals/{id}/approve", id).with(csrf()).with(as(admin))).andExpect(status().isForbidden());
            mvc.perform(get("/api/approvals").with(as(admin))).andExpect(status().isForbidden());
            mvc.perform(get("/api/approvals/{id}", id).with(as(admin))).andExpect(status().isForbidden());
            mvc.perform(post("/api/approvals/{id}/approve", id).with(as(admin))).andExpect(status().isForbidden());
            assertThat(page("/", admin)).doesNotContain("项审批待您处理");
        }
        assertThat(approvals.find(id).orElseThrow().currentStep()).isEqualTo(1);
    }
}
