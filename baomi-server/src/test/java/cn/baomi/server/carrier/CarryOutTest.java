package cn.baomi.server.carrier;

import static cn.baomi.server.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.baomi.server.approval.ApprovalService;
import cn.baomi.server.organization.OrganizationSetup;
import cn.baomi.server.shared.ClearanceLevel;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.Role;
import cn.baomi.server.shared.web.Todo;
import cn.baomi.server.support.BaomiTest;
import cn.baomi.server.support.TestUsers;

/** Carrying a copy out only with approval, abroad only with the unit leader's too (domain.md §4 rule 8). */
@BaomiTest
class CarryOutTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    OrganizationSetup organization;
    @Autowired
    CarrierService carriers;
    @Autowired
    ApprovalService approvalService;
    @Autowired
    CarrierTodos todos;
    @Autowired
    JdbcClient jdbc;

    CarrierFixtures.Org org;
    CopyApi api;
    Approvers approvers;
    long carrier;
    long copy;
    CurrentUser custodian;

    @BeforeEach
    void aSecretCopyHeldByTheCustodian() {
        CarrierFixtures fixtures = new CarrierFixtures(organization, carriers);
        org = fixtures.org();
        api = new CopyApi(mvc, jdbc);
        approvers = new Approvers(approvalService, jdbc, org);
        carrier = fixtures.carrier(org, SecretLevel.SECRET, CarrierFixtures.uniqueTitle("携带"));
        copy = CarrierFixtures.copyIds(jdbc, carrier).get(0);
        custodian = org.as(org.custodian(), Role.STAFF);
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void carryOutOnlyWithApproval() throws Exception {
        api.post(custodian, carrier, copy, "CARRIED_OUT", Map.of()).andExpect(status().isUnprocessableContent());
        request(false).andExpect(status().isCreated());
        assertThat(api.state(copy).get("status")).isEqualTo("LIVE");
        api.post(custodian, carrier, copy, "CARRIED_OUT", Map.of()).andExpect(status().isUnprocessableContent());
        request(false).andExpect(status().isUnprocessableContent());

        approvers.approveAll(approval());
        assertThat(requestState()).isEqualTo("GRANTED");
        mvc.perform(get("/api/carriers/" + carrier + "/carry-out-requests").with(as(custodian))).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].state").value("GRANTED"))
                .andExpect(jsonPath("$[0].destination").value("省委"));
        api.post(custodian, carrier, copy, "CARRIED_OUT", Map.of()).andExpect(status().isCreated());
        Map<String, Object> out = api.state(copy);
        assertThat(out.get("status")).isEqualTo("CARRIED_OUT");
        assertThat(((Number) out.get("custodian_id")).longValue()).isEqualTo(org.custodian());
        assertThat(((Number) out.get("borrower_id")).longValue()).isEqualTo(org.custodian());
        assertThat(out.get("due_date").toString()).isEqualTo(LocalDate.now().plusDays(5).toString());
        assertThat(requestState()).isEqualTo("USED");
        assertThat(api.audited("COPY_CARRIED_OUT", copy)).isEqualTo(1);

        api.post(custodian, carrier, copy, "CARRIED_BACK", Map.of()).andExpect(status().isCreated());
        Map<String, Object> back = api.state(copy);
        assertThat(back.get("status")).isEqualTo("LIVE");
        assertThat(back.get("borrower_id")).isNull();
        assertThat(back.get("place")).isEqualTo("机要室");
        api.post(custodian, carrier, copy, "CARRIED_OUT", Map.of()).andExpect(status().isUnprocessableContent());
    }

    @Test
    void carryingAbroadNeedsTheUnitLeader() throws Exception {
        request(false).andExpect(status().isCreated());
        assertThat(approvers.route(approval())).doesNotContain("UNIT_LEADER");
        approvers.reject(approval(), "不必携带原件");
        assertThat(requestState()).isEqualTo("REFUSED");

        request(true).andExpect(status().isCreated());
        long abroad = approval();
        assertThat(approvers.route(abroad)).last().isEqualTo("UNIT_LEADER");
        while (!"UNIT_LEADER".equals(currentRole(abroad))) {
            approvers.approveStep(abroad);
        }
        assertThat(requestState()).isEqualTo("PENDING");
        api.post(custodian, carrier, copy, "CARRIED_OUT", Map.of()).andExpect(status().isUnprocessableContent());
        approvers.approveStep(abroad);
        assertThat(requestState()).isEqualTo("GRANTED");
        api.post(custodian, carrier, copy, "CARRIED_OUT", Map.of()).andExpect(status().isCreated());
        assertThat(jdbc.sql("select mode from copy_events where copy_id = ? and event_type = 'CARRIED_OUT'").param(copy)
                .query(String.class).single()).isEqualTo("ABROAD");
    }

    @Test
    void aCarryOutNeedsDestinationDueDayAndReason() throws Exception {
        api.post(custodian, carrier, copy, "CARRY_OUT_REQUESTED", Map.of("dueDate", LocalDate.now().plusDays(1).toString(),
                "note", "开会")).andExpect(status().isUnprocessableContent());
        api.post(custodian, carrier, copy, "CARRY_OUT_REQUESTED", Map.of("counterpart", "省委",
                "dueDate", LocalDate.now().minusDays(1).toString(), "note", "开会")).andExpect(status().isUnprocessableContent());
        api.post(custodian, carrier, copy, "CARRY_OUT_REQUESTED", Map.of("counterpart", "省委",
                "dueDate", LocalDate.now().plusDays(1).toString())).andExpect(status().isUnprocessableContent());
        assertThat(jdbc.sql("select count(*) from carry_out_requests where copy_id = ?").param(copy).query(Long.class)
                .single()).isZero();
    }

    @Test
    void onlyTheCustodianOrTheSecrecyOfficeAsksToCarryOut() throws Exception {
        CurrentUser reader = org.as(org.inside().get(ClearanceLevel.CORE), Role.STAFF);
        api.post(reader, carrier, copy, "CARRY_OUT_REQUESTED", Map.of("counterpart", "省委",
                "dueDate", LocalDate.now().plusDays(1).toString(), "note", "开会")).andExpect(status().isForbidden());
        api.post(org.officer(), carrier, copy, "CARRY_OUT_REQUESTED", Map.of("counterpart", "省委",
                "dueDate", LocalDate.now().plusDays(1).toString(), "note", "开会"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].message")
                        .value("申请须以本人身份（关联人员）提出"));
        CurrentUser outsider = org.as(org.outside().get(ClearanceLevel.CORE), Role.STAFF);
        mvc.perform(get("/api/carriers/" + carrier + "/carry-out-requests").with(as(outsider)))
                .andExpect(status().isNotFound());
        api.post(outsider, carrier, copy, "CARRY_OUT_REQUESTED", Map.of("counterpart", "省委",
                "dueDate", LocalDate.now().plusDays(1).toString(), "note", "开会")).andExpect(status().isNotFound());
    }

    @Test
    void overdueCarryOutIsAReminder() throws Exception {
        request(false).andExpect(status().isCreated());
        approvers.approveAll(approval());
        api.post(custodian, carrier, copy, "CARRIED_OUT", Map.of()).andExpect(status().isCreated());
        assertThat(todos.todosFor(custodian)).extracting(Todo::messageKey).doesNotContain("carrier.todo.carryOutOverdue");
        jdbc.sql("update carrier_copies set due_date = ? where id = ?").params(java.sql.Date.valueOf(LocalDate.now().minusDays(1)), copy).update();
        List<Todo> mine = todos.todosFor(custodian);
        assertThat(mine).extracting(Todo::messageKey).contains("carrier.todo.carryOutOverdue");
        mvc.perform(get("/carriers/holdings").with(as(org.officer()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("携带外出中的载体")))
                .andExpect(content().string(containsString("<th>带回期限</th>")))
                .andExpect(content().string(not(containsString("请填写不早于今天的带回期限"))));
    }

    @Test
    void theDetailPageOffersTheCarryOut() throws Exception {
        mvc.perform(get("/carriers/" + carrier).with(as(custodian))).andExpect(status().isOk())
                .andExpect(content().string(containsString("申请携带外出")));
        mvc.perform(post("/carriers/" + carrier + "/events").with(as(custodian)).with(csrf())
                        .param("copyId", String.valueOf(copy)).param("type", "CARRY_OUT_REQUESTED")
                        .param("counterpart", "省委").param("dueDate", LocalDate.now().plusDays(5).toString())
                        .param("note", "参加会议"))
                .andExpect(status().is3xxRedirection());
        approvers.approveAll(approval());
        mvc.perform(get("/carriers/" + carrier).with(as(custodian))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"carry-out-" + copy + "\"")))
                .andExpect(content().string(containsString("已批准")));
    }

    private org.springframework.test.web.servlet.ResultActions request(boolean abroad) throws Exception {
        return api.post(custodian, carrier, copy, "CARRY_OUT_REQUESTED", Map.of("counterpart", abroad ? "日内瓦" : "省委",
                "dueDate", LocalDate.now().plusDays(5).toString(), "note", "参加会议", "abroad", String.valueOf(abroad)));
    }

    private long approval() {
        return jdbc.sql("select approval_id from carry_out_requests where copy_id = ? order by id desc limit 1")
                .param(copy).query(Long.class).single();
    }

    private String requestState() {
        return jdbc.sql("select state from carry_out_requests where copy_id = ? order by id desc limit 1")
                .param(copy).query(String.class).single();
    }

    private String currentRole(long approval) {
        return jdbc.sql("""
                select s.role from approvals a join approval_steps s on s.approval_id = a.id and s.step_no = a.current_step
                where a.id = ?""").param(approval).query(String.class).single();
    }
}
