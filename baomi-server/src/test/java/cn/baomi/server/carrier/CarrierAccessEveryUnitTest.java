package cn.baomi.server.carrier;

import static cn.baomi.server.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.request.RequestContextHolder;

import cn.baomi.server.organization.OrganizationSetup;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.Role;
import cn.baomi.server.support.BaomiTest;
import cn.baomi.server.support.TestUsers;

/**
 * A secrecy office at the top of the only unit tree keeps every unit, and its list condition names no unit at all
 * (docs/decisions/ledger-performance.md). It must show exactly the rows that the list of all units shows, offices
 * below it only their subtrees, and it keeps every unit no longer once a unit stands outside its tree. A context of
 * its own: the other test classes' organisations are top units of their own, so nobody there keeps every unit.
 */
@BaomiTest
@TestPropertySource(properties = "baomi.test.context=every-unit-keeper")
class CarrierAccessEveryUnitTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    OrganizationSetup organization;
    @Autowired
    CarrierService carriers;
    @Autowired
    CarrierAccess access;
    @Autowired
    Ledger ledger;
    @Autowired
    JdbcClient jdbc;

    CarrierFixtures fixtures;
    long top;
    CarrierFixtures.Org left;
    CarrierFixtures.Org right;
    String leftTitle;
    String leftSiblingTitle;
    String rightTitle;
    long leftSiblingCarrier;
    long rightCarrier;

    /** Two organisations below one top unit; carriers of every level in the left unit, one in its sibling, one right. */
    @BeforeEach
    void twoOrganisationsBelowTheOnlyTop() {
        fixtures = new CarrierFixtures(organization, carriers);
        top = jdbc.sql("select id from units where parent_id is null").query(Long.class).optional()
                .orElseGet(() -> asAdministrator(() -> organization.createUnit(null, "TOP" + System.nanoTime(), "省保密局", true)));
        left = fixtures.orgBelow(top);
        right = fixtures.orgBelow(top);
        leftTitle = CarrierFixtures.uniqueTitle("左");
        for (SecretLevel level : SecretLevel.values()) {
            fixtures.carrier(left, level, leftTitle + level, List.of(new CarrierScopes.Entry(ScopeKind.UNIT, left.unit())), 2);
        }
        leftSiblingTitle = CarrierFixtures.uniqueTitle("左邻");
        CarrierForm form = CarrierFixtures.form(left, SecretLevel.SECRET, leftSiblingTitle,
                List.of(new CarrierScopes.Entry(ScopeKind.UNIT, left.sibling())), 1);
        form.setUnitId(left.sibling());
        form.setCustodianId(left.siblingPerson());
        TestUsers.signIn(TestUsers.user(left.bureau(), null, Role.SECRECY_OFFICER));
        try {
            leftSiblingCarrier = carriers.register(form);
        } finally {
            TestUsers.signOut();
        }
        rightTitle = CarrierFixtures.uniqueTitle("右");
        rightCarrier = fixtures.carrier(right, SecretLevel.CONFIDENTIAL, rightTitle,
                List.of(new CarrierScopes.Entry(ScopeKind.UNIT, right.unit())), 3);
    }

    @Test
    void theOfficeAtTheTopOfTheOnlyTreeSeesExactlyTheRowsOfEveryUnitNamedOneByOne() throws Exception {
        CurrentUser topOffice = TestUsers.user(top, null, Role.SECRECY_OFFICER);
        Viewer viewer = viewer(topOffice);
        assertThat(viewer.keepsEveryUnit()).isTrue();
        assertThat(viewer.visible()).doesNotContain(":keeperUnits");
        assertThat(viewer.keeperUnits()).containsExactlyInAnyOrderElementsOf(
                jdbc.sql("select id from units").query(Long.class).list());
        Viewer named = new Viewer(viewer.keeperUnits(), false, viewer.readerUnits(), viewer.personId(), viewer.unitId(),
                viewer.departmentId(), viewer.positionId(), viewer.levels(), viewer.dialect());
        assertThat(named.visible()).contains(":keeperUnits");
        for (LedgerQuery query : queries()) {
            LedgerPage<LedgerEntry> shown = ledger.searchCountingAll(query, viewer);
            LedgerPage<LedgerEntry> expected = ledger.searchCountingAll(query, named);
            assertThat(ids(shown)).as(query.toString()).isEqualTo(ids(expected));
            assertThat(shown.total()).as(query.toString()).isEqualTo(expected.total());
        }
        String list = mvc.perform(get("/api/carriers").param("size", "100").with(as(topOffice)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains(leftTitle + SecretLevel.TOP_SECRET, leftSiblingTitle, rightTitle);
        mvc.perform(get("/api/carriers/" + rightCarrier).with(as(topOffice))).andExpect(status().isOk());
        mvc.perform(get("/api/carriers/" + leftSiblingCarrier).with(as(topOffice))).andExpect(status().isOk());
    }

    @Test
    void anOfficeBelowTheTopKeepsItsSubtreeOnly() throws Exception {
        CurrentUser bureauOffice = TestUsers.user(left.bureau(), null, Role.SECRECY_OFFICER);
        CurrentUser unitOffice = left.officer();
        assertThat(viewer(bureauOffice).keepsEveryUnit()).isFalse();
        assertThat(viewer(unitOffice).keepsEveryUnit()).isFalse();
        String bureauList = list(bureauOffice);
        assertThat(bureauList).contains(leftTitle + SecretLevel.SECRET, leftSiblingTitle).doesNotContain(rightTitle);
        mvc.perform(get("/api/carriers/" + rightCarrier).with(as(bureauOffice))).andExpect(status().isNotFound());
        String unitList = list(unitOffice);
        assertThat(unitList).contains(leftTitle + SecretLevel.TOP_SECRET).doesNotContain(leftSiblingTitle, rightTitle);
        mvc.perform(get("/api/carriers/" + leftSiblingCarrier).with(as(unitOffice))).andExpect(status().isNotFound());
    }

    @Test
    void theTopOfficeNoLongerKeepsEveryUnitWhileAUnitStandsOutsideItsTree() throws Exception {
        CurrentUser topOffice = TestUsers.user(top, null, Role.SECRECY_OFFICER);
        CarrierFixtures.Org outside = fixtures.org();
        String outsideTitle = CarrierFixtures.uniqueTitle("树外");
        long outsideCarrier = fixtures.carrier(outside, SecretLevel.SECRET, outsideTitle,
                List.of(new CarrierScopes.Entry(ScopeKind.UNIT, outside.unit())), 1);
        try {
            assertThat(viewer(topOffice).keepsEveryUnit()).isFalse();
            assertThat(list(topOffice)).contains(rightTitle).doesNotContain(outsideTitle);
            mvc.perform(get("/api/carriers/" + outsideCarrier).with(as(topOffice))).andExpect(status().isNotFound());
        } finally {
            // moved below the top, the tree is the only one again (for the other tests of this context)
            mvc.perform(put("/api/units/{id}", outside.bureau()).with(as(TestUsers.administrator(Role.SYSTEM_ADMIN)))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"parentId\":" + top + ",\"code\":\"M" + System.nanoTime() + "\",\"name\":\"市保密局\"}"))
                    .andExpect(status().isOk());
        }
        assertThat(viewer(topOffice).keepsEveryUnit()).isTrue();
        assertThat(list(topOffice)).contains(outsideTitle);
    }

    private List<LedgerQuery> queries() {
        List<LedgerQuery> queries = new ArrayList<>();
        queries.add(LedgerQuery.of(null, null, null, null, null, 0, LedgerQuery.MAX_SIZE));
        for (SecretLevel level : SecretLevel.values()) {
            queries.add(LedgerQuery.of(level, null, CopyStatus.LIVE, null, null, 0, LedgerQuery.MAX_SIZE));
        }
        queries.add(LedgerQuery.of(null, CarrierType.PAPER, null, left.custodian(), null, 0, LedgerQuery.MAX_SIZE));
        queries.add(LedgerQuery.of(null, null, null, null, null, 1, 3));
        return queries;
    }

    /**
     * The viewer worked out afresh: {@link CarrierAccess#viewer} keeps it in the current request, and the test's
     * thread has one request for the whole test method.
     */
    private Viewer viewer(CurrentUser user) {
        RequestContextHolder.resetRequestAttributes();
        return access.viewer(user);
    }

    private String list(CurrentUser user) throws Exception {
        return mvc.perform(get("/api/carriers").param("size", "100").with(as(user)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static List<Long> ids(LedgerPage<LedgerEntry> page) {
        return page.items().stream().map(e -> e.copy().id()).toList();
    }

    private static long asAdministrator(java.util.function.LongSupplier action) {
        TestUsers.signIn(TestUsers.administrator(Role.SYSTEM_ADMIN));
        try {
            return action.getAsLong();
        } finally {
            TestUsers.signOut();
        }
    }
}
