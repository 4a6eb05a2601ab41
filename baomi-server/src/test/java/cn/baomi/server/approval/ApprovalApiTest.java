package cn.baomi.server.approval;

import static cn.baomi.server.approval.ApprovalFixtures.copy;
import static cn.baomi.server.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.support.BaomiTest;
import cn.baomi.server.support.TestUsers;

/** {@code /api/approvals}: the boxes, the decisions and their problem answers. */
@BaomiTest
class ApprovalApiTest {

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

    private ResultActions decide(long id, String decision, String body, CurrentUser user) throws Exception {
        return mvc.perform(post("/api/approvals/{id}/{decision}", id, decision).contentType(MediaType.APPLICATION_JSON)
                .content(body).with(as(user)));
    }

    @Test
    void theBoxesComeAsPages() throws Exception {
        long first = fixtures.request(o.staff(), copy("SECRET"));
        long second = fixtures.request(o.staff(), copy("SECRET"));
        mvc.perform(get("/api/approvals").param("box", "pending").param("size", "1").with(as(o.head())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2)).andExpect(jsonPath("$.size").value(1))
                .andExpect(jsonPath("$.page").value(0)).andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].id").value(first));
        mvc.perform(get("/api/approvals").param("box", "mine").with(as(o.staff())))
                .andExpect(jsonPath("$.total").value(2)).andExpect(jsonPath("$.items[0].id").value(second));
        mvc.perform(get("/api/approvals").with(as(o.officer()))).andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/approvals").param("box", "MINE").with(as(o.staff()))).andExpect(jsonPath("$.total").value(2));
        mvc.perform(get("/api/approvals").param("box", "all").with(as(o.staff()))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("box"));
        mvc.perform(get("/api/approvals").with(as(o.foreignHead()))).andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void decisionsThroughTheApi() throws Exception {
        long id = fixtures.request(o.staff(), copy("SECRET"));
        mvc.perform(get("/api/approvals/{id}", id).with(as(o.staff()))).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("PENDING")).andExpect(jsonPath("$.level").value("SECRET"))
                .andExpect(jsonPath("$.steps[0].role").value("DEPARTMENT_HEAD"))
                .andExpect(jsonPath("$.steps[1].role").value("SECRECY_OFFICER"));
        decide(id, "approve", "{\"opinion\":\"同意\"}", o.head()).andExpect(status().isOk())
                .andExpect(jsonPath("$.currentStep").value(2))
                .andExpect(jsonPath("$.steps[0].state").value("APPROVED"))
                .andExpect(jsonPath("$.steps[0].opinion").value("同意"));
        decide(id, "reject", "{}", o.officer()).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("opinion"))
                .andExpect(jsonPath("$.detail").value("驳回时必须填写意见。"));
        decide(id, "reject", "{\"opinion\":\"用途不明\"}", o.officer()).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("REFUSED"));
        decide(id, "approve", "{}", o.secondOfficer()).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("该申请已处理，不能再次审批或撤回。"));
        assertThat(jdbc.sql("select action from audit_events where target_type = 'approval' and target_id = ? order by seq")
                .param(String.valueOf(id)).query(String.class).list())
                .containsExactly("APPROVAL_REQUESTED", "APPROVAL_VIEWED", "APPROVAL_APPROVED", "APPROVAL_REJECTED");
    }

    @Test
    void theRequesterWithdrawsAndCannotDecideThroughTheApi() throws Exception {
        long id = fixtures.request(o.staff(), copy("SECRET"));
        decide(id, "approve", "{}", o.staff()).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("不能审批自己的申请。"));
        mvc.perform(post("/api/approvals/{id}/withdraw", id).with(as(o.head()))).andExpect(status().isForbidden());
        mvc.perform(post("/api/approvals/{id}/withdraw", id).with(as(o.staff()))).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("WITHDRAWN"));
    }

    @Test
    void anotherUnitOrDepartmentCannotSeeOrDecideInTheApi() throws Exception {
        long id = fixtures.request(o.staff(), copy("SECRET"));
        for (CurrentUser outsider : new CurrentUser[] {o.foreignOfficer(), o.foreignHead(), o.registryHead(), o.registryStaff()}) {
            mvc.perform(get("/api/approvals/{id}", id).with(as(outsider))).andExpect(status().isNotFound());
            decide(id, "approve", "{}", outsider).andExpect(status().isNotFound());
            decide(id, "reject", "{\"opinion\":\"不同意\"}", outsider).andExpect(status().isNotFound());
        }
        decide(id, "approve", "{}", o.officer()).andExpect(status().isForbidden());
        decide(id, "approve", "{}", o.leader()).andExpect(status().isNotFound());
        mvc.perform(get("/api/approvals/{id}", 999_999_999L).with(as(o.head()))).andExpect(status().isNotFound());
        assertThat(approvals.find(id).orElseThrow().currentStep()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_events where action = 'ACCESS_DENIED' and target_id = ?")
                .param("/api/approvals/" + id + "/approve").query(Long.class).single()).isEqualTo(1);
    }
}
