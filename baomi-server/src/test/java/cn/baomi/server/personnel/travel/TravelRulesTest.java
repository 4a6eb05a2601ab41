package cn.baomi.server.personnel.travel;

import static cn.baomi.server.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import cn.baomi.server.organization.OrganizationSetup;
import cn.baomi.server.personnel.exit.ExitWorld;
import cn.baomi.server.shared.ClearanceLevel;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.Role;
import cn.baomi.server.support.BaomiTest;
import cn.baomi.server.support.TestUsers;

/** Travel abroad (出国出境审批, domain.md §3): approval by level on the post and during the cool-off; who sees what. */
@BaomiTest
class TravelRulesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    OrganizationSetup organization;
    @Autowired
    JdbcClient jdbc;

    ExitWorld world;
    ExitWorld.Org org;
    LocalDate depart = LocalDate.now().plusDays(20);

    @BeforeEach
    void aUnitWithACoreLeaver() {
        world = new ExitWorld(organization, mvc, jdbc);
        org = world.org(ClearanceLevel.CORE);
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    static ResultActions request(MockMvc mvc, CurrentUser user, long personId, LocalDate depart) throws Exception {
        return mvc.perform(post("/api/personnel/travel").with(as(user)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"personId\":" + personId + ",\"destination\":\"新加坡\",\"purpose\":\"探亲\",\"departOn\":\""
                        + depart + "\",\"returnOn\":\"" + depart.plusDays(6) + "\"}"));
    }

    static long requested(MockMvc mvc, CurrentUser user, long personId, LocalDate depart) throws Exception {
        String body = request(mvc, user, personId, depart).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private Map<String, Object> travel(long id) {
        return jdbc.sql("select state, during_cool_off, approval_id, opinion from personnel_travels where id = ?").param(id)
                .query().singleRow();
    }

    private long approvalOf(long travel) {
        return ((Number) travel(travel).get("approval_id")).longValue();
    }

    private List<String> steps(long approval) {
        return jdbc.sql("select role from approval_steps where approval_id = ? order by step_no").param(approval)
                .query(String.class).list();
    }

    private ResultActions decide(CurrentUser user, long approval, String verb, String opinion) throws Exception {
        return mvc.perform(post("/api/approvals/" + approval + "/" + verb).with(as(user))
                .contentType(MediaType.APPLICATION_JSON).content("{\"opinion\":\"" + opinion + "\"}"));
    }

    @Test
    void travelByAClearedPersonNeedsApprovalByLevel() throws Exception {
        long travel = requested(mvc, org.leaverSelf(), org.leaver(), depart);
        assertThat(travel(travel).get("state")).isEqualTo("PENDING");
        long approval = approvalOf(travel);
        assertThat(steps(approval)).containsExactly("DEPARTMENT_HEAD", "SECRECY_OFFICER", "UNIT_LEADER");
        assertThat(jdbc.sql("select secret_level from approvals where id = ?").param(approval).query(String.class).single())
                .isEqualTo("TOP_SECRET");

        decide(org.head(), approval, "approve", "同意").andExpect(status().isOk());
        decide(org.officer(), approval, "approve", "同意").andExpect(status().isOk());
        assertThat(travel(travel).get("state")).isEqualTo("PENDING");
        decide(org.leader(), approval, "approve", "同意").andExpect(status().isOk());
        assertThat(travel(travel).get("state")).isEqualTo("APPROVED");
        assertThat(world.audited("TRAVEL_APPROVED", travel)).isEqualTo(1);
    }

    @Test
    void aRefusedTravelKeepsTheOpinion() throws Exception {
        long travel = requested(mvc, org.leaverSelf(), org.leaver(), depart);
        decide(org.head(), approvalOf(travel), "reject", "涉密项目攻坚期间不宜出境").andExpect(status().isOk());
        assertThat(travel(travel)).containsEntry("state", "REFUSED").containsEntry("opinion", "涉密项目攻坚期间不宜出境");
    }

    @Test
    void travelFiledByTheOfficeRoutesFromTheTraveller() throws Exception {
        CurrentUser officer = org.officer();
        long travel = requested(mvc, officer, org.leaver(), depart);
        long approval = approvalOf(travel);
        Map<String, Object> row = jdbc.sql("select unit_id, department_id, requester_person_id, applicant_person_id "
                + "from approvals where id = ?").param(approval).query().singleRow();
        assertThat(((Number) row.get("department_id")).longValue()).as("the traveller's department, not the office's")
                .isEqualTo(org.department());
        assertThat(((Number) row.get("unit_id")).longValue()).isEqualTo(org.unit());
        assertThat(((Number) row.get("requester_person_id")).longValue()).isEqualTo(org.officer().personId());
        assertThat(((Number) row.get("applicant_person_id")).longValue()).isEqualTo(org.leaver());
        assertThat(steps(approval)).containsExactly("DEPARTMENT_HEAD", "SECRECY_OFFICER", "UNIT_LEADER");
        assertThat(jdbc.sql("select detail from audit_events where action = 'APPROVAL_REQUESTED' and target_id = ?")
                .param(String.valueOf(approval)).query(String.class).single())
                .contains("onBehalfOf=person:" + org.leaver());

        decide(org.otherHead(), approval, "approve", "同意").andExpect(status().isNotFound());
        decide(org.leaverSelf(), approval, "approve", "同意").andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail", Matchers.containsString("不能审批")));
        mvc.perform(get("/api/approvals/" + approval).with(as(org.leaverSelf()))).andExpect(status().isOk())
                .andExpect(jsonPath("$.applicant").value(Matchers.startsWith("离岗人")));
        mvc.perform(get("/api/approvals").param("box", "mine").with(as(org.leaverSelf())))
                .andExpect(jsonPath("$.items[?(@.id == " + approval + ")]").exists());
        decide(org.head(), approval, "approve", "同意").andExpect(status().isOk());
        decide(officer, approval, "approve", "同意").andExpect(status().isUnprocessableEntity());
        decide(TestUsers.user(org.unit(), org.colleague(), Role.SECRECY_OFFICER), approval, "approve", "同意")
                .andExpect(status().isOk());
        decide(org.leader(), approval, "approve", "同意").andExpect(status().isOk());
        assertThat(travel(travel).get("state")).isEqualTo("APPROVED");
        mvc.perform(get("/approvals/" + approval).with(as(org.leader())))
                .andExpect(content().string(Matchers.containsString("（代 离岗人")));
    }

    @Test
    void withdrawingATravelRequestOnTheApprovalPageWithdrawsTheTrip() throws Exception {
        long travel = requested(mvc, org.leaverSelf(), org.leaver(), depart);
        mvc.perform(post("/api/approvals/" + approvalOf(travel) + "/withdraw").with(as(org.leaverSelf())))
                .andExpect(status().isOk());
        assertThat(travel(travel).get("state")).isEqualTo("WITHDRAWN");
        assertThat(world.audited("TRAVEL_WITHDRAWN", travel)).isEqualTo(1);
        mvc.perform(get("/personnel/travel/" + travel).with(as(org.leaverSelf()))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("已撤回")));
    }

    @Test
    void travelDuringCoolOffNeedsApproval() throws Exception {
        world.leave(org, org.leaver(), LocalDate.now());
        long travel = requested(mvc, org.officer(), org.leaver(), depart);
        assertThat(travel(travel)).containsEntry("state", "PENDING").containsEntry("during_cool_off", true);
        long approval = approvalOf(travel);
        assertThat(steps(approval)).endsWith("UNIT_LEADER");
        assertThat(jdbc.sql("select secret_level from approvals where id = ?").param(approval).query(String.class).single())
                .as("the level held when leaving").isEqualTo("TOP_SECRET");
        mvc.perform(get("/api/personnel/travel/" + travel).with(as(org.officer())))
                .andExpect(jsonPath("$.duringCoolOff").value(true));
    }

    @Test
    void travelOfSomeoneNeitherClearedNorInCoolOffIsOnlyRecorded() throws Exception {
        long clerk = requested(mvc, org.officer(), org.clerk(), depart);
        assertThat(travel(clerk)).containsEntry("state", "RECORDED").containsEntry("approval_id", null);
        long general = world.person(org, ClearanceLevel.GENERAL);
        world.leave(org, general, LocalDate.now().minusYears(1));
        long after = requested(mvc, org.officer(), general, depart);
        assertThat(travel(after)).containsEntry("state", "RECORDED").containsEntry("during_cool_off", false);
    }

    @Test
    void badDatesAreRefusedWithTheFieldNamed() throws Exception {
        request(mvc, org.leaverSelf(), org.leaver(), LocalDate.now().minusDays(1))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("departOn"));
        mvc.perform(post("/api/personnel/travel").with(as(org.leaverSelf())).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"destination\":\"新加坡\",\"purpose\":\"探亲\",\"departOn\":\"" + depart
                                + "\",\"returnOn\":\"" + depart.minusDays(1) + "\"}"))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("returnOn"));
    }

    @Test
    void aPersonRequestsOnlyTheirOwnTravelAndTheSecrecyOfficeAnyonesOfItsUnits() throws Exception {
        request(mvc, org.colleagueUser(), org.leaver(), depart).andExpect(status().isUnprocessableEntity());
        request(mvc, org.head(), org.leaver(), depart).andExpect(status().isForbidden());
        request(mvc, org.siblingOfficer(), org.leaver(), depart).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("personId"));
        assertThat(jdbc.sql("select count(*) from personnel_travels where person_id = ?").param(org.leaver())
                .query(Long.class).single()).isZero();
    }

    @Test
    void travelRecordsAreSeenOnlyByTheSecrecyOfficeTheLeadersAndThePerson() throws Exception {
        long travel = requested(mvc, org.leaverSelf(), org.leaver(), depart);
        for (CurrentUser reader : List.of(org.officer(), org.head(), org.leader(), org.leaverSelf())) {
            mvc.perform(get("/api/personnel/travel/" + travel).with(as(reader))).andExpect(status().isOk());
        }
        assertThat(world.audited("TRAVEL_VIEWED", travel)).isEqualTo(4);
        mvc.perform(get("/personnel/travel").with(as(org.officer()))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/personnel/travel/" + travel + "\"")));
        mvc.perform(get("/personnel/travel/" + travel).with(as(org.leaverSelf()))).andExpect(status().isOk());
        for (CurrentUser other : List.of(org.colleagueUser(), org.otherHead(), org.siblingOfficer(), org.supervisor())) {
            mvc.perform(get("/api/personnel/travel/" + travel).with(as(other))).andExpect(status().isNotFound());
            mvc.perform(get("/personnel/travel/" + travel).with(as(other))).andExpect(status().isNotFound());
            mvc.perform(get("/api/personnel/travel").with(as(other)))
                    .andExpect(jsonPath("$[?(@.id == " + travel + ")]").isEmpty());
        }
        mvc.perform(get("/api/personnel/travel/" + travel).with(as(TestUsers.administrator(Role.SECURITY_AUDITOR))))
                .andExpect(status().isForbidden());
        assertThat(world.audited("TRAVEL_VIEWED", travel)).isEqualTo(5);
    }
}
