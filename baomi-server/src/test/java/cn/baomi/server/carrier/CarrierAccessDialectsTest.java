package cn.baomi.server.carrier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.context.request.RequestContextHolder;

import cn.baomi.server.organization.OrganizationSetup;
import cn.baomi.server.shared.ClearanceLevel;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.Role;
import cn.baomi.server.support.BaomiTest;
import cn.baomi.server.support.TestDatabase;
import cn.baomi.server.support.TestUsers;

/**
 * The list condition has a form for PostgreSQL and one for H2 (Viewer.Dialect, docs/decisions/ledger-performance.md);
 * each database gets its own, and both must give the same rows. Run on H2 and on PostgreSQL, this checks both forms
 * on both databases, for secrecy offices, persons reading through each kind of scope entry, a revoked entry and a
 * holder outside the scope.
 */
@BaomiTest
class CarrierAccessDialectsTest {

    @Autowired
    OrganizationSetup organization;
    @Autowired
    CarrierService carriers;
    @Autowired
    CarrierAccess access;
    @Autowired
    CarrierHoldings holdings;
    @Autowired
    Ledger ledger;
    @Autowired
    JdbcClient jdbc;

    CarrierFixtures.Org org;
    List<CurrentUser> viewers = new ArrayList<>();

    @BeforeEach
    void carriersOfEveryLevelAndScope() {
        CarrierFixtures fixtures = new CarrierFixtures(organization, carriers);
        org = fixtures.org();
        long named = org.outside().get(ClearanceLevel.IMPORTANT);
        long revoked = org.outside().get(ClearanceLevel.CORE);
        long positioned = fixtures.personIn(org, null, org.position(), ClearanceLevel.GENERAL);
        for (SecretLevel level : SecretLevel.values()) {
            fixtures.carrier(org, level, CarrierFixtures.uniqueTitle("部门" + level),
                    List.of(new CarrierScopes.Entry(ScopeKind.DEPARTMENT, org.department())), 2);
            fixtures.carrier(org, level, CarrierFixtures.uniqueTitle("点名" + level), List.of(
                    new CarrierScopes.Entry(ScopeKind.PERSON, org.custodian()), new CarrierScopes.Entry(ScopeKind.PERSON, named),
                    new CarrierScopes.Entry(ScopeKind.PERSON, revoked)), 1);
            fixtures.carrier(org, level, CarrierFixtures.uniqueTitle("岗位" + level), List.of(
                    new CarrierScopes.Entry(ScopeKind.PERSON, org.custodian()), new CarrierScopes.Entry(ScopeKind.POSITION, org.position())), 1);
            fixtures.carrier(org, level, CarrierFixtures.uniqueTitle("单位" + level),
                    List.of(new CarrierScopes.Entry(ScopeKind.UNIT, org.unit())), 3);
        }
        TestUsers.signIn(org.officer());
        try {
            holdings.revokeScopeEntriesOf(revoked, "post left");
        } finally {
            TestUsers.signOut();
        }
        viewers.add(TestUsers.user(org.bureau(), null, Role.SECRECY_OFFICER));
        viewers.add(org.officer());
        viewers.add(TestUsers.user(org.sibling(), org.siblingPerson(), Role.SECRECY_OFFICER));
        for (ClearanceLevel clearance : ClearanceLevel.values()) {
            viewers.add(org.as(org.inside().get(clearance), Role.STAFF));
            viewers.add(org.as(org.outside().get(clearance), Role.STAFF));
        }
        viewers.add(org.as(positioned, Role.STAFF));
        viewers.add(org.as(org.custodian(), Role.STAFF));
    }

    @Test
    void bothFormsOfTheConditionShowTheSameRowsOnThisDatabase() {
        RequestContextHolder.resetRequestAttributes(); // the viewer worked out afresh for each user
        assertThat(access.viewer(org.officer()).dialect())
                .isEqualTo(TestDatabase.onPostgres() ? Viewer.Dialect.POSTGRESQL : Viewer.Dialect.H2);
        List<LedgerQuery> queries = List.of(LedgerQuery.of(null, null, null, null, null, 0, LedgerQuery.MAX_SIZE),
                LedgerQuery.of(SecretLevel.SECRET, null, CopyStatus.LIVE, null, null, 0, LedgerQuery.MAX_SIZE),
                LedgerQuery.of(null, CarrierType.PAPER, null, org.custodian(), null, 0, LedgerQuery.MAX_SIZE),
                LedgerQuery.of(null, null, null, null, null, 1, 4));
        Set<Integer> sizes = new HashSet<>();
        for (CurrentUser user : viewers) {
            Viewer viewer = access.viewer(user);
            for (LedgerQuery query : queries) {
                List<Long> postgres = ids(ledger.searchCountingAll(query, in(viewer, Viewer.Dialect.POSTGRESQL)));
                List<Long> h2 = ids(ledger.searchCountingAll(query, in(viewer, Viewer.Dialect.H2)));
                assertThat(postgres).as(user + " " + query).isEqualTo(h2);
                sizes.add(h2.size());
            }
        }
        assertThat(sizes).as("from nothing to the whole unit, not all alike").contains(0).hasSizeGreaterThan(4);
    }

    private static Viewer in(Viewer v, Viewer.Dialect dialect) {
        return new Viewer(v.keeperUnits(), v.keepsEveryUnit(), v.readerUnits(), v.personId(), v.unitId(), v.departmentId(),
                v.positionId(), v.levels(), dialect);
    }

    private static List<Long> ids(LedgerPage<LedgerEntry> page) {
        return page.items().stream().map(e -> e.copy().id()).toList();
    }
}
