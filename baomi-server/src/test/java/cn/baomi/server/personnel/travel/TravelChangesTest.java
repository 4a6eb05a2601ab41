package cn.baomi.server.personnel.travel;

import static cn.baomi.server.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
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

import cn.baomi.server.organization.OrganizationSetup;
import cn.baomi.server.personnel.exit.ExitWorld;
import cn.baomi.server.shared.ClearanceLevel;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.support.BaomiTest;
import cn.baomi.server.support.TestUsers;

/**
 * Changing a trip (docs/decisions/personnel-exit.md): edited or withdrawn while not approved — its approval follows —,
 * cancelled once approved but before departure; by the applicant or the secrecy office; every change audited.
 */
@BaomiTest
class TravelChangesTest {

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
    void aUnitWithACoreTraveller() {
        world = new ExitWorld(organization, mvc, jdbc);
        org = world.org(ClearanceLevel.CORE);
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private Map<String, Object> travel(long id) {
        return jdbc.sql("select state, approval_id, destination, depart_on, ended_by from personnel_travels where id = ?")
                .param(id).query().singleRow();
    }

    private long approvalOf(long travel) {
        return ((Number) travel(travel).get("approval_id")).longValue();
    }

    private String approvalState(long approval) {
        return jdbc.sql("select state from approvals where id = ?").param(approval).query(String.class).single();
    }

    private ResultActions edit(CurrentUser user, long travel, String destination, LocalDate departOn) throws Exception {
        return mvc.perform(put("/api/personnel/travel/" + travel).with(as(user)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"destination\":\"" + destination + "\",\"purpose\":\"探亲\",\"departOn\":\"" + departOn
                        + "\",\"returnOn\":\"" + departOn.plusDays(5) + "\"}"));
    }

    private ResultActions withdraw(CurrentUser user, long travel) throws Exception {
        return mvc.perform(post("/api/personnel/travel/" + travel + "/withdraw").with(as(user)));
    }

    private ResultActions cancel(CurrentUser user, long travel) throws Exception {
        return mvc.perform(post("/api/personnel/travel/" + travel + "/cancel").with(as(user)));
    }

    private void approveAll(long travel) throws Exception {
        long approval = approvalOf(travel);
        for (CurrentUser user : List.of(org.head(), org.officer(), org.leader())) {
            mvc.perform(post("/api/approvals/" + approval + "/approve").with(as(user))).andExpect(status().isOk());
        }
    }

    @Test
    void editingAPendingTripReplacesItsApproval() throws Exception {
        long travel = TravelRulesTest.requested(mvc, org.leaverSelf(), org.leaver(), depart);
        long first = approvalOf(travel);

        edit(org.leaverSelf(), travel, "马来西亚", depart.plusDays(3)).andExpect(status().isNoContent());

        long second = approvalOf(travel);
        assertThat(second).isNotEqualTo(first);
        assertThat(travel(travel)).containsEntry("state", "PENDING").containsEntry("destination", "马来西亚");
        assertThat(approvalState(first)).isEqualTo("WITHDRAWN");
        assertThat(approvalState(second)).isEqualTo("PENDING");
        assertThat(jdbc.sql("select summary from approvals where id = ?").param(second).query(String.class).single())
                .contains("马来西亚").contains(depart.plusDays(3).toString());
        mvc.perform(post("/api/approvals/" + first + "/approve").with(as(org.head())))
                .andExpect(status().isUnprocessableEntity());
        assertThat(world.audited("TRAVEL_EDITED", travel)).isEqualTo(1);

        approveAll(travel);
        assertThat(travel(travel)).containsEntry("state", "APPROVED");
    }

    @Test
    void aPendingTripIsWithdrawnWithItsApproval() throws Exception {
        long travel = TravelRulesTest.requested(mvc, org.leaverSelf(), org.leaver(), depart);
        long approval = approvalOf(travel);

        withdraw(org.leaverSelf(), travel).andExpect(status().isNoContent());

        assertThat(travel(travel).get("state")).isEqualTo("WITHDRAWN");
        assertThat(travel(travel).get("ended_by")).isNotNull();
        assertThat(approvalState(approval)).isEqualTo("WITHDRAWN");
        assertThat(world.audited("TRAVEL_WITHDRAWN", travel)).isEqualTo(1);
        withdraw(org.leaverSelf(), travel).andExpect(status().isUnprocessableEntity());
        edit(org.leaverSelf(), travel, "泰国", depart).andExpect(status().isUnprocessableEntity());
    }

    @Test
    void aPendingTripIsWithdrawnByTheTravellerOrWhoeverFiledItAndOthersAreToldWho() throws Exception {
        long own = TravelRulesTest.requested(mvc, org.leaverSelf(), org.leaver(), depart);
        withdraw(org.officer(), own).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("只能由出行人本人或提交人修改或撤回")));
        edit(org.officer(), own, "泰国", depart).andExpect(status().isUnprocessableEntity());
        assertThat(travel(own).get("state")).isEqualTo("PENDING");

        long filedByOffice = TravelRulesTest.requested(mvc, org.officer(), org.leaver(), depart);
        withdraw(org.bureauOfficer(), filedByOffice).andExpect(status().isUnprocessableEntity());
        withdraw(org.officer(), filedByOffice).andExpect(status().isNoContent());
        assertThat(approvalState(approvalOf(filedByOffice))).isEqualTo("WITHDRAWN");

        long forTheTraveller = TravelRulesTest.requested(mvc, org.officer(), org.leaver(), depart);
        withdraw(org.leaverSelf(), forTheTraveller).andExpect(status().isNoContent());
        assertThat(approvalState(approvalOf(forTheTraveller))).isEqualTo("WITHDRAWN");
    }

    @Test
    void anEditByTheOfficeAsksAgainOnTheTravellersBehalf() throws Exception {
        long travel = TravelRulesTest.requested(mvc, org.officer(), org.leaver(), depart);
        edit(org.officer(), travel, "泰国", depart.plusDays(1)).andExpect(status().isNoContent());
        Map<String, Object> approval = jdbc.sql("select applicant_person_id, department_id from approvals where id = ?")
                .param(approvalOf(travel)).query().singleRow();
        assertThat(((Number) approval.get("applicant_person_id")).longValue()).isEqualTo(org.leaver());
        assertThat(((Number) approval.get("department_id")).longValue()).isEqualTo(org.department());
        assertThat(travel(travel).get("state")).isEqualTo("PENDING");
    }

    @Test
    void aRecordedTripIsChangedOrWithdrawnByThePersonOrTheOffice() throws Exception {
        long clerkTrip = TravelRulesTest.requested(mvc, org.as(org.clerk()), org.clerk(), depart);
        assertThat(travel(clerkTrip).get("state")).isEqualTo("RECORDED");
        edit(org.officer(), clerkTrip, "日本", depart.plusDays(1)).andExpect(status().isNoContent());
        assertThat(travel(clerkTrip)).containsEntry("state", "RECORDED").containsEntry("approval_id", null)
                .containsEntry("destination", "日本");
        withdraw(org.as(org.clerk()), clerkTrip).andExpect(status().isNoContent());
        assertThat(travel(clerkTrip).get("state")).isEqualTo("WITHDRAWN");
    }

    @Test
    void anApprovedTripIsCancelledBeforeDepartureOnly() throws Exception {
        long travel = TravelRulesTest.requested(mvc, org.leaverSelf(), org.leaver(), depart);
        approveAll(travel);
        edit(org.leaverSelf(), travel, "泰国", depart).andExpect(status().isUnprocessableEntity());
        withdraw(org.leaverSelf(), travel).andExpect(status().isUnprocessableEntity());

        cancel(org.officer(), travel).andExpect(status().isOk()).andExpect(jsonPath("$.documentOut").value(false));
        assertThat(travel(travel).get("state")).isEqualTo("CANCELLED");
        assertThat(approvalState(approvalOf(travel))).as("the approval stays as decided").isEqualTo("GRANTED");
        assertThat(world.audited("TRAVEL_CANCELLED", travel)).isEqualTo(1);
        cancel(org.officer(), travel).andExpect(status().isUnprocessableEntity());

        long departed = TravelRulesTest.requested(mvc, org.leaverSelf(), org.leaver(), depart);
        approveAll(departed);
        jdbc.sql("update personnel_travels set depart_on = ? where id = ?")
                .params(java.sql.Date.valueOf(LocalDate.now().minusDays(1)), departed).update();
        cancel(org.leaverSelf(), departed).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("尚未出发")));
        assertThat(travel(departed).get("state")).isEqualTo("APPROVED");
    }

    @Test
    void aTripIsChangedOnlyByThePersonOrTheSecrecyOffice() throws Exception {
        long travel = TravelRulesTest.requested(mvc, org.leaverSelf(), org.leaver(), depart);
        for (CurrentUser reader : List.of(org.head(), org.leader())) {
            withdraw(reader, travel).andExpect(status().isForbidden());
            edit(reader, travel, "泰国", depart).andExpect(status().isForbidden());
            cancel(reader, travel).andExpect(status().isForbidden());
        }
        for (CurrentUser other : List.of(org.colleagueUser(), org.siblingOfficer(), org.supervisor())) {
            withdraw(other, travel).andExpect(status().isNotFound());
            edit(other, travel, "泰国", depart).andExpect(status().isNotFound());
        }
        assertThat(travel(travel).get("state")).isEqualTo("PENDING");
        assertThat(world.audited("TRAVEL_WITHDRAWN", travel)).isZero();
    }

    @Test
    void badNewDetailsAreRefusedWithTheFieldNamed() throws Exception {
        long travel = TravelRulesTest.requested(mvc, org.leaverSelf(), org.leaver(), depart);
        long approval = approvalOf(travel);
        edit(org.leaverSelf(), travel, "泰国", LocalDate.now().minusDays(1)).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("departOn"));
        mvc.perform(post("/personnel/travel/" + travel).with(as(org.leaverSelf())).with(csrf())
                        .param("destination", "").param("purpose", "探亲").param("departOn", depart.toString())
                        .param("returnOn", depart.plusDays(2).toString()))
                .andExpect(redirectedUrl("/personnel/travel/" + travel))
                .andExpect(flash().attribute("problem", "目的地：此项必填"));
        assertThat(approvalOf(travel)).as("nothing changed").isEqualTo(approval);
        assertThat(approvalState(approval)).isEqualTo("PENDING");
    }

    @Test
    void theTripPageOffersWhatTheUserMayDo() throws Exception {
        long travel = TravelRulesTest.requested(mvc, org.leaverSelf(), org.leaver(), depart);
        mvc.perform(get("/personnel/travel/" + travel).with(as(org.leaverSelf()))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"edit-form\"")))
                .andExpect(content().string(Matchers.containsString("id=\"withdraw-travel\"")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"cancel-travel\""))));
        mvc.perform(get("/personnel/travel/" + travel).with(as(org.officer()))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"withdraw-travel\""))))
                .andExpect(content().string(Matchers.containsString("id=\"other-requester\"")));
        mvc.perform(get("/personnel/travel/" + travel).with(as(org.head()))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"edit-form\""))));

        mvc.perform(post("/personnel/travel/" + travel + "/withdraw").with(as(org.leaverSelf())).with(csrf()))
                .andExpect(redirectedUrl("/personnel/travel/" + travel))
                .andExpect(flash().attribute("notice", "travel.notice.withdrawn"));
        mvc.perform(get("/personnel/travel/" + travel).with(as(org.leaverSelf())))
                .andExpect(content().string(Matchers.containsString("已撤回")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"withdraw-travel\""))));
    }
}
