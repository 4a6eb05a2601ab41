package cn.baomi.server.carrier;

import static cn.baomi.server.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.baomi.server.approval.ApprovalService;
import cn.baomi.server.organization.OrganizationSetup;
import cn.baomi.server.shared.BusinessRuleViolation;
import cn.baomi.server.shared.ClearanceLevel;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.Role;
import cn.baomi.server.support.BaomiTest;
import cn.baomi.server.support.TestUsers;

/** Reporting a copy lost (报告丢失, issue 4 item 2): the copy is marked LOST and an incident is opened with it. */
@BaomiTest
class CopyLossTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    OrganizationSetup organization;
    @Autowired
    CarrierService carriers;
    @Autowired
    ApprovalService approvals;
    @Autowired
    JdbcClient jdbc;

    CarrierFixtures.Org org;
    CopyApi api;
    long carrier;
    long copy;
    CurrentUser custodian;

    @BeforeEach
    void aSecretCopyHeldByTheCustodian() {
        CarrierFixtures fixtures = new CarrierFixtures(organization, carriers);
        org = fixtures.org();
        api = new CopyApi(mvc, jdbc);
        carrier = fixtures.carrier(org, SecretLevel.SECRET, CarrierFixtures.uniqueTitle("丢失"));
        copy = CarrierFixtures.copyIds(jdbc, carrier).get(0);
        custodian = org.as(org.custodian(), Role.STAFF);
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void reportingALossMarksTheCopyLostAndOpensAnIncidentWithTheCopyLinked() throws Exception {
        api.post(custodian, carrier, copy, "LOST_REPORTED", Map.of("note", "出差途中遗失公文包"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].type").value("LOST_REPORTED"))
                .andExpect(jsonPath("$[0].note").value("出差途中遗失公文包"));
        Map<String, Object> state = api.state(copy);
        assertThat(state.get("status")).isEqualTo("LOST");
        assertThat(((Number) state.get("custodian_id")).longValue()).isEqualTo(org.custodian());
        Map<String, Object> incident = incidentOf(copy);
        assertThat(incident.get("kind")).isEqualTo("CARRIER_LOST");
        assertThat(incident.get("status")).isEqualTo("OPEN");
        assertThat(((Number) incident.get("unit_id")).longValue()).isEqualTo(org.unit());
        assertThat(((Number) incident.get("carrier_id")).longValue()).isEqualTo(carrier);
        assertThat(incident.get("ledger_number")).isEqualTo(ledgerNumber(copy));
        assertThat(incident.get("secret_level")).isEqualTo("SECRET");
        assertThat(((Number) incident.get("last_custodian_id")).longValue()).isEqualTo(org.custodian());
        assertThat(((Number) incident.get("reporter_person_id")).longValue()).isEqualTo(org.custodian());
        assertThat(incident.get("description")).isEqualTo("出差途中遗失公文包");
        assertThat(api.audited("COPY_LOST_REPORTED", copy)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_events where action = 'INCIDENT_OPENED' and target_id = ?")
                .param(String.valueOf(incident.get("id"))).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void lostCopyTakesNoFurtherCustodyEvent() throws Exception {
        api.post(custodian, carrier, copy, "LOST_REPORTED", Map.of("note", "遗失")).andExpect(status().isCreated());
        api.post(custodian, carrier, copy, "HANDOVER_REQUESTED", Map.of("personId", org.colleague()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(containsString("已报告丢失")));
        api.post(org.officer(), carrier, copy, "LENT", Map.of("personId", org.colleague(), "dueDate", "2099-01-01"))
                .andExpect(status().isUnprocessableContent());
        api.post(org.officer(), carrier, copy, "SENT", Map.of("channel", "BY_HAND", "counterpart", "市委办"))
                .andExpect(status().isUnprocessableContent());
        api.post(org.officer(), carrier, copy, "LOST_REPORTED", Map.of("note", "再报一次"))
                .andExpect(status().isUnprocessableContent());
        assertThat(api.state(copy).get("status")).isEqualTo("LOST");
        assertThat(api.events(copy, EventType.LOST_REPORTED)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from incidents where copy_id = ?").param(copy).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void aLossReportNeedsADescription() throws Exception {
        api.post(custodian, carrier, copy, "LOST_REPORTED", Map.of("note", "  "))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("note"))
                .andExpect(jsonPath("$.detail").value("请说明丢失经过（不超过 500 个字符）"));
        assertThat(api.state(copy).get("status")).isEqualTo("LIVE");
        assertThat(jdbc.sql("select count(*) from incidents where copy_id = ?").param(copy).query(Long.class).single())
                .isZero();
    }

    @Test
    void onlyTheHolderOrTheSecrecyOfficeReportsALoss() throws Exception {
        CurrentUser insideScope = org.as(org.inside().get(ClearanceLevel.CORE), Role.DEPARTMENT_HEAD);
        api.post(insideScope, carrier, copy, "LOST_REPORTED", Map.of("note", "遗失")).andExpect(status().isForbidden());
        CurrentUser outsider = org.as(org.outside().get(ClearanceLevel.CORE), Role.STAFF);
        api.post(outsider, carrier, copy, "LOST_REPORTED", Map.of("note", "遗失")).andExpect(status().isNotFound());
        assertThat(api.state(copy).get("status")).isEqualTo("LIVE");

        api.post(custodian, carrier, copy, "LENT", Map.of("personId", org.colleague(), "dueDate", "2099-01-01"))
                .andExpect(status().isCreated());
        api.post(org.as(org.colleague(), Role.STAFF), carrier, copy, "LOST_REPORTED", Map.of("note", "借用期间遗失"))
                .andExpect(status().isCreated());
        assertThat(api.state(copy).get("status")).isEqualTo("LOST");
    }

    @Test
    void theSecrecyOfficeReportsALossToo() throws Exception {
        api.post(org.officer(), carrier, copy, "LOST_REPORTED", Map.of("note", "保密柜中未找到"))
                .andExpect(status().isCreated());
        assertThat(api.state(copy).get("status")).isEqualTo("LOST");
        assertThat(incidentOf(copy).get("reporter_person_id")).isNull();
    }

    @Test
    void onlyTheSecrecyOfficeRecordsALostCopyFoundAndTheIncidentStaysOpen() throws Exception {
        api.post(custodian, carrier, copy, "LOST_REPORTED", Map.of("note", "遗失")).andExpect(status().isCreated());
        api.post(custodian, carrier, copy, "FOUND", Map.of("place", "办公室")).andExpect(status().isForbidden());
        api.post(org.officer(), carrier, copy, "FOUND", Map.of()).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("place"));
        api.post(org.officer(), carrier, copy, "FOUND", Map.of("place", "会议室", "note", "在会议室找到"))
                .andExpect(status().isCreated());
        Map<String, Object> state = api.state(copy);
        assertThat(state.get("status")).isEqualTo("LIVE");
        assertThat(state.get("place")).isEqualTo("会议室");
        assertThat(incidentOf(copy).get("status")).isEqualTo("OPEN");
        api.post(org.officer(), carrier, copy, "FOUND", Map.of("place", "会议室"))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void theDetailPageOffersTheLossReportToTheHolderAndShowsTheLostStatus() throws Exception {
        mvc.perform(get("/carriers/" + carrier).with(as(custodian))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"report-lost-" + copy + "\"")));
        mvc.perform(post("/carriers/" + carrier + "/events").with(as(custodian)).with(csrf())
                        .param("copyId", String.valueOf(copy)).param("type", "LOST_REPORTED").param("note", "遗失"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/carriers/" + carrier).with(as(org.officer()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("已丢失")))
                .andExpect(content().string(containsString("id=\"found-" + copy + "\"")));
        mvc.perform(get("/carriers/" + carrier).with(as(custodian))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"found-" + copy + "\""))));
    }

    @Test
    void aLostCopyCannotBeListedForDestruction() throws Exception {
        api.post(custodian, carrier, copy, "LOST_REPORTED", Map.of("note", "遗失")).andExpect(status().isCreated());
        mvc.perform(post("/api/carriers/destruction-lists").with(as(org.officer()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"copyIds\":[" + copy + "],\"reason\":\"到期\"}"))
                .andExpect(status().isUnprocessableContent());
        assertThat(List.of(api.state(copy).get("status"))).containsExactly("LOST");
    }

    @Test
    void aLostCopyIsNotCopiedEvenWhenItsCopyRequestIsApproved() throws Exception {
        mvc.perform(post("/api/carriers/" + carrier + "/copy-requests").with(as(custodian))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"count\":1,\"reason\":\"传达\"}"))
                .andExpect(status().isCreated());
        api.post(custodian, carrier, copy, "LOST_REPORTED", Map.of("note", "遗失")).andExpect(status().isCreated());
        long approval = jdbc.sql("select approval_id from copy_requests where carrier_id = ?").param(carrier)
                .query(Long.class).single();
        TestUsers.signIn(org.as(org.inside().get(ClearanceLevel.CORE), Role.DEPARTMENT_HEAD));
        approvals.approve(approval, null);
        TestUsers.signIn(org.officer());
        assertThatThrownBy(() -> approvals.approve(approval, null)).isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("carrier.copy.lost");
        TestUsers.signOut();
        assertThat(CarrierFixtures.copyIds(jdbc, carrier)).containsExactly(copy);
        assertThat(jdbc.sql("select state from copy_requests where carrier_id = ?").param(carrier).query(String.class)
                .single()).isEqualTo("PENDING");
    }

    private Map<String, Object> incidentOf(long copyId) {
        return jdbc.sql("select * from incidents where copy_id = ?").param(copyId).query().singleRow();
    }

    private String ledgerNumber(long copyId) {
        return jdbc.sql("select ledger_number from carrier_copies where id = ?").param(copyId).query(String.class).single();
    }
}
