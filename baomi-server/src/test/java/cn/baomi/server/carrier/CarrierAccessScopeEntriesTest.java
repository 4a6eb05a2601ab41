package cn.baomi.server.carrier;

import static cn.baomi.server.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import cn.baomi.server.organization.OrganizationSetup;
import cn.baomi.server.shared.ClearanceLevel;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.Role;
import cn.baomi.server.support.BaomiTest;
import cn.baomi.server.support.TestUsers;

/**
 * The reader condition tests each kind of scope entry on its own (Viewer, docs/decisions/ledger-performance.md):
 * every kind lets a cleared person of the unit see the carrier in the list and its detail, and a revoked entry
 * naming a person (the person left the post) no longer does, while the other entries still count.
 */
@BaomiTest
class CarrierAccessScopeEntriesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    OrganizationSetup organization;
    @Autowired
    CarrierService carriers;
    @Autowired
    CarrierHoldings holdings;

    CarrierFixtures.Org org;

    @Test
    void eachKindOfEntryLetsAClearedPersonSeeTheCarrierAndARevokedOneNoLonger() throws Exception {
        CarrierFixtures fixtures = new CarrierFixtures(organization, carriers);
        org = fixtures.org();
        long named = org.outside().get(ClearanceLevel.CORE);
        long positioned = fixtures.personIn(org, null, org.position(), ClearanceLevel.CORE);
        long inDepartment = org.inside().get(ClearanceLevel.CORE);
        long elsewhere = org.outside().get(ClearanceLevel.IMPORTANT);
        String byPerson = CarrierFixtures.uniqueTitle("点名");
        long personCarrier = fixtures.carrier(org, SecretLevel.SECRET, byPerson, List.of(
                new CarrierScopes.Entry(ScopeKind.PERSON, named), new CarrierScopes.Entry(ScopeKind.DEPARTMENT, org.department())), 1);
        String byPosition = CarrierFixtures.uniqueTitle("岗位");
        long positionCarrier = fixtures.carrier(org, SecretLevel.SECRET, byPosition, List.of(
                new CarrierScopes.Entry(ScopeKind.PERSON, org.custodian()), new CarrierScopes.Entry(ScopeKind.POSITION, org.position())), 1);
        String byUnit = CarrierFixtures.uniqueTitle("全单位");
        long unitCarrier = fixtures.carrier(org, SecretLevel.SECRET, byUnit,
                List.of(new CarrierScopes.Entry(ScopeKind.UNIT, org.unit())), 1);

        expect(named, personCarrier, byPerson, true);
        expect(inDepartment, personCarrier, byPerson, true);
        expect(positioned, personCarrier, byPerson, false);
        expect(positioned, positionCarrier, byPosition, true);
        expect(named, positionCarrier, byPosition, false);
        expect(elsewhere, unitCarrier, byUnit, true);
        expect(elsewhere, personCarrier, byPerson, false);

        TestUsers.signIn(org.officer());
        try {
            assertThat(holdings.revokeScopeEntriesOf(named, "post left")).isEqualTo(1);
        } finally {
            TestUsers.signOut();
        }
        expect(named, personCarrier, byPerson, false);
        expect(inDepartment, personCarrier, byPerson, true);
        expect(named, unitCarrier, byUnit, true);
    }

    private void expect(long person, long carrier, String title, boolean visible) throws Exception {
        CurrentUser user = org.as(person, Role.STAFF);
        String list = mvc.perform(get("/api/carriers").param("size", "100").with(as(user)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list.contains(title)).as(person + " " + title).isEqualTo(visible);
        mvc.perform(get("/api/carriers/" + carrier).with(as(user))).andExpect(status().is(visible ? 200 : 404));
    }
}
