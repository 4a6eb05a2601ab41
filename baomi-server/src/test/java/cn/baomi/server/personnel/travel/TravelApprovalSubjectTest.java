package cn.baomi.server.personnel.travel;

import static cn.baomi.server.support.TestUsers.as;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.baomi.server.organization.OrganizationSetup;
import cn.baomi.server.personnel.exit.ExitWorld;
import cn.baomi.server.shared.ClearanceLevel;
import cn.baomi.server.support.BaomiTest;
import cn.baomi.server.support.TestUsers;

/** The approval page names a trip abroad by its traveller and destination, linked to the trip for its approvers. */
@BaomiTest
class TravelApprovalSubjectTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    OrganizationSetup organization;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void theApprovalPageNamesTheTravellerAndDestinationAndLinksToTheTrip() throws Exception {
        ExitWorld world = new ExitWorld(organization, mvc, jdbc);
        ExitWorld.Org org = world.org(ClearanceLevel.CORE);
        long travel = TravelRulesTest.requested(mvc, org.leaverSelf(), org.leaver(), LocalDate.now().plusDays(20));
        long approval = jdbc.sql("select approval_id from personnel_travels where id = ?").param(travel)
                .query(Long.class).single();
        mvc.perform(get("/api/approvals/" + approval).with(as(org.head()))).andExpect(status().isOk())
                .andExpect(jsonPath("$.subject.text").value(containsString("新加坡")))
                .andExpect(jsonPath("$.subject.link").value("/personnel/travel/" + travel));
        mvc.perform(get("/approvals/" + approval).with(as(org.head()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/personnel/travel/" + travel + "\"")));
    }
}
