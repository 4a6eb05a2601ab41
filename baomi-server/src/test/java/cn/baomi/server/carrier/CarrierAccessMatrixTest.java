package cn.baomi.server.carrier;

import static cn.baomi.server.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.baomi.server.organization.OrganizationSetup;
import cn.baomi.server.shared.ClearanceLevel;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.Role;
import cn.baomi.server.support.BaomiTest;
import cn.baomi.server.support.TestUsers;

/**
 * Who sees a carrier (domain.md §4, rule 4; docs/decisions/carrier-ledger.md): roles × levels × inside or
 * outside the scope, in the API and in the pages. Denials are answered 404 and lists leave such rows out.
 */
@BaomiTest
class CarrierAccessMatrixTest {

    private static final List<Role> PERSON_ROLES = List.of(Role.STAFF, Role.DEPARTMENT_HEAD, Role.UNIT_LEADER,
            Role.CLASSIFICATION_AUTHORITY);

    @Autowired
    MockMvc mvc;
    @Autowired
    OrganizationSetup organization;
    @Autowired
    CarrierService carriers;
    @Autowired
    JdbcClient jdbc;

    CarrierFixtures fixtures;
    CarrierFixtures.Org org;
    Map<SecretLevel, Long> byLevel;
    Map<SecretLevel, String> titles;

    @BeforeEach
    void ledgerWithOneCarrierOfEachLevel() {
        fixtures = new CarrierFixtures(organization, carriers);
        org = fixtures.org();
        byLevel = new EnumMap<>(SecretLevel.class);
        titles = new EnumMap<>(SecretLevel.class);
        for (SecretLevel level : SecretLevel.values()) {
            String title = CarrierFixtures.uniqueTitle("矩阵" + level.name());
            titles.put(level, title);
            byLevel.put(level, fixtures.carrier(org, level, title));
        }
    }

    @Test
    void aPersonSeesACarrierOnlyWhenClearedForItsLevelAndInsideItsScope() throws Exception {
        for (Role role : PERSON_ROLES) {
            for (ClearanceLevel clearance : ClearanceLevel.values()) {
                for (boolean inside : new boolean[] {true, false}) {
                    long person = (inside ? org.inside() : org.outside()).get(clearance);
                    CurrentUser user = org.as(person, role);
                    String list = mvc.perform(get("/api/carriers").param("size", "100").with(as(user)))
                            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
                    for (SecretLevel level : SecretLevel.values()) {
                        boolean expected = inside && clearance.covers(level.requiredClearance());
                        String where = role + " " + clearance + (inside ? " inside " : " outside ") + level;
                        mvc.perform(get("/api/carriers/" + byLevel.get(level)).with(as(user)))
                                .andExpect(status().is(expected ? 200 : 404));
                        mvc.perform(get("/api/carriers/" + byLevel.get(level) + "/events").with(as(user)))
                                .andExpect(status().is(expected ? 200 : 404));
                        assertThat(list.contains(titles.get(level))).as(where).isEqualTo(expected);
                    }
                }
            }
        }
    }

    @Test
    void thePagesShowTheSameAsTheApi() throws Exception {
        for (ClearanceLevel clearance : ClearanceLevel.values()) {
            for (boolean inside : new boolean[] {true, false}) {
                CurrentUser user = org.as((inside ? org.inside() : org.outside()).get(clearance), Role.STAFF);
                String list = mvc.perform(get("/carriers").with(as(user))).andExpect(status().isOk())
                        .andReturn().getResponse().getContentAsString();
                for (SecretLevel level : SecretLevel.values()) {
                    boolean expected = inside && clearance.covers(level.requiredClearance());
                    String page = mvc.perform(get("/carriers/" + byLevel.get(level)).with(as(user)))
                            .andExpect(status().is(expected ? 200 : 404)).andReturn().getResponse().getContentAsString();
                    assertThat(page.contains(titles.get(level))).isEqualTo(expected);
                    assertThat(list.contains(titles.get(level))).as(clearance + " " + inside + " " + level).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void theSecrecyOfficeKeepsTheLedgerOfItsUnitsRegardlessOfClearance() throws Exception {
        CurrentUser unitOfficer = TestUsers.user(org.unit(), null, Role.SECRECY_OFFICER);
        CurrentUser bureauOfficer = TestUsers.user(org.bureau(), org.siblingPerson(), Role.SECRECY_OFFICER);
        for (CurrentUser keeper : List.of(unitOfficer, bureauOfficer)) {
            String list = mvc.perform(get("/api/carriers").param("size", "100").with(as(keeper)))
                    .andReturn().getResponse().getContentAsString();
            for (SecretLevel level : SecretLevel.values()) {
                mvc.perform(get("/api/carriers/" + byLevel.get(level)).with(as(keeper))).andExpect(status().isOk());
                mvc.perform(get("/carriers/" + byLevel.get(level)).with(as(keeper))).andExpect(status().isOk());
                assertThat(list).contains(titles.get(level));
            }
        }
    }

    @Test
    void theSecrecyOfficeOfAnotherUnitSupervisorsAndUnlinkedAccountsSeeNothing() throws Exception {
        List<CurrentUser> outsiders = List.of(TestUsers.user(org.sibling(), org.siblingPerson(), Role.SECRECY_OFFICER),
                TestUsers.user(org.bureau(), null, Role.SUPERVISOR),
                TestUsers.user(org.unit(), org.inside().get(ClearanceLevel.CORE), Role.SUPERVISOR),
                TestUsers.user(org.unit(), null, Role.STAFF));
        for (CurrentUser outsider : outsiders) {
            String list = mvc.perform(get("/api/carriers").param("size", "100").with(as(outsider)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            for (SecretLevel level : SecretLevel.values()) {
                mvc.perform(get("/api/carriers/" + byLevel.get(level)).with(as(outsider))).andExpect(status().isNotFound());
                mvc.perform(get("/carriers/" + byLevel.get(level)).with(as(outsider))).andExpect(status().isNotFound());
                assertThat(list).doesNotContain(titles.get(level));
            }
        }
    }

    @Test
    void administratorsAreDeniedTheLedger() throws Exception {
        for (Role admin : Role.administrators()) {
            CurrentUser user = TestUsers.administrator(admin);
            mvc.perform(get("/api/carriers").with(as(user))).andExpect(status().isForbidden());
            mvc.perform(get("/api/carriers/" + byLevel.get(SecretLevel.CONFIDENTIAL)).with(as(user)))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/carriers").with(as(user))).andExpect(status().isForbidden());
            mvc.perform(get("/safes").with(as(user))).andExpect(status().isForbidden());
        }
    }

    @Test
    void aCarrierThatDoesNotExistLooksLikeOneThatMayNotBeSeen() throws Exception {
        CurrentUser staff = org.as(org.inside().get(ClearanceLevel.CORE), Role.STAFF);
        mvc.perform(get("/api/carriers/999999999").with(as(staff))).andExpect(status().isNotFound());
        mvc.perform(get("/carriers/999999999").with(as(staff))).andExpect(status().isNotFound());
    }

    /** A refused look is audited like a granted one (outcome DENIED), in the pages and the API; the user is told 404. */
    @Test
    void aRefusedLookAtACarrierIsAudited() throws Exception {
        CurrentUser outsider = org.as(org.outside().get(ClearanceLevel.GENERAL), Role.STAFF);
        long carrier = byLevel.get(SecretLevel.SECRET);
        mvc.perform(get("/carriers/" + carrier).with(as(outsider))).andExpect(status().isNotFound());
        mvc.perform(get("/api/carriers/" + carrier).with(as(outsider))).andExpect(status().isNotFound());
        assertThat(jdbc.sql("select detail from audit_events where action = 'RECORD_NOT_FOUND' and outcome = 'DENIED'"
                        + " and actor = ? and target_type = 'carrier' and target_id = ? order by seq")
                .param(outsider.username()).param(String.valueOf(carrier)).query(String.class).list())
                .containsExactly("GET /carriers/" + carrier, "GET /api/carriers/" + carrier);
        assertThat(jdbc.sql("select count(*) from audit_events where action = 'CARRIER_VIEWED' and actor = ?")
                .param(outsider.username()).query(Long.class).single()).isZero();
    }

    @Test
    void scopeNamesPersonsDepartmentsPositionsOrUnits() throws Exception {
        long positioned = fixtures.personIn(org, null, org.position(), ClearanceLevel.CORE);
        long named = org.outside().get(ClearanceLevel.CORE);
        long byPerson = fixtures.carrier(org, SecretLevel.SECRET, CarrierFixtures.uniqueTitle("人员范围"),
                List.of(new CarrierScopes.Entry(ScopeKind.PERSON, named),
                        new CarrierScopes.Entry(ScopeKind.PERSON, org.custodian())), 1);
        long byPosition = fixtures.carrier(org, SecretLevel.SECRET, CarrierFixtures.uniqueTitle("岗位范围"),
                List.of(new CarrierScopes.Entry(ScopeKind.PERSON, org.custodian()),
                        new CarrierScopes.Entry(ScopeKind.POSITION, org.position())), 1);
        long byUnit = fixtures.carrier(org, SecretLevel.SECRET, CarrierFixtures.uniqueTitle("单位范围"),
                List.of(new CarrierScopes.Entry(ScopeKind.UNIT, org.unit())), 1);
        String page = mvc.perform(get("/carriers/" + byPosition).with(as(org.officer()))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("人员：管理员").contains("岗位：机要员").doesNotContain("岗位：#");
        assertThat(mvc.perform(get("/carriers/" + byUnit).with(as(org.officer()))).andReturn().getResponse()
                .getContentAsString()).contains("单位：市发展改革委");
        expectVisible(named, byPerson, true);
        expectVisible(positioned, byPerson, false);
        expectVisible(positioned, byPosition, true);
        expectVisible(named, byPosition, false);
        expectVisible(named, byUnit, true);
        expectVisible(positioned, byUnit, true);
        mvc.perform(get("/api/carriers/" + byUnit).with(as(TestUsers.user(org.sibling(), org.siblingPerson(), Role.STAFF))))
                .andExpect(status().isNotFound());
    }

    @Test
    void listsAreFilteredBeforePaging() throws Exception {
        CurrentUser general = org.as(org.inside().get(ClearanceLevel.GENERAL), Role.STAFF);
        String page = mvc.perform(get("/api/carriers").param("size", "1").with(as(general)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("\"total\":1").contains(titles.get(SecretLevel.CONFIDENTIAL));
    }

    private void expectVisible(long person, long carrier, boolean visible) throws Exception {
        mvc.perform(get("/api/carriers/" + carrier).with(as(org.as(person, Role.STAFF))))
                .andExpect(status().is(visible ? 200 : 404));
    }
}
