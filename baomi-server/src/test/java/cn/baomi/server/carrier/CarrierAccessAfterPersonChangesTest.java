package cn.baomi.server.carrier;

import static cn.baomi.server.support.TestUsers.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import cn.baomi.server.organization.OrganizationSetup;
import cn.baomi.server.organization.PersonClearances;
import cn.baomi.server.shared.ClearanceLevel;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.Role;
import cn.baomi.server.support.BaomiTest;
import cn.baomi.server.support.TestUsers;

/**
 * Access rule (domain.md §4): a person sees a copy only while their clearance covers its level. The persons an access
 * check reads are kept in memory (docs/decisions/ledger-performance.md, "Caches of data that rarely changes"); a
 * lowered clearance holds for the very next request of a person whose clearance was just used.
 */
@BaomiTest
class CarrierAccessAfterPersonChangesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    OrganizationSetup organization;
    @Autowired
    CarrierService carriers;
    @Autowired
    PersonClearances clearances;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void aLoweredClearanceHoldsAtTheNextAccessCheckAndARaisedOneToo() throws Exception {
        CarrierFixtures fixtures = new CarrierFixtures(organization, carriers);
        CarrierFixtures.Org org = fixtures.org();
        long carrier = fixtures.carrier(org, SecretLevel.SECRET, CarrierFixtures.uniqueTitle("降级"));
        long person = org.inside().get(ClearanceLevel.IMPORTANT);
        CurrentUser user = org.as(person, Role.STAFF);

        mvc.perform(get("/api/carriers/" + carrier).with(as(user))).andExpect(status().isOk());
        clearances.changeClearance(person, ClearanceLevel.GENERAL, "调整岗位");
        mvc.perform(get("/api/carriers/" + carrier).with(as(user))).andExpect(status().isNotFound());
        clearances.changeClearance(person, ClearanceLevel.IMPORTANT, "恢复岗位");
        mvc.perform(get("/api/carriers/" + carrier).with(as(user))).andExpect(status().isOk());
    }
}
