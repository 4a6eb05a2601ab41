package cn.baomi.server.organization;

import static cn.baomi.server.organization.OrganizationFixtures.officerOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import cn.baomi.server.shared.Role;
import cn.baomi.server.support.BaomiTest;
import cn.baomi.server.support.TestUsers;

/** The unit tree is cached, and a change of the units is seen by every scope check as soon as it commits. */
@BaomiTest
class UnitTreeCacheTest {

    @Autowired
    UnitService units;
    @Autowired
    PartService parts;
    @Autowired
    PersonService persons;
    @Autowired
    UnitDirectory directory;
    @Autowired
    TransactionTemplate tx;

    OrganizationFixtures fixtures;
    OrganizationFixtures.Tree tree;

    @BeforeEach
    void buildTree() {
        fixtures = new OrganizationFixtures(units, parts, persons);
        tree = fixtures.tree();
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void aMovedUnitLeavesTheOldParentsScopeAndJoinsTheNewOneAtOnce() {
        assertThat(directory.visibleUnitIds(officerOf(tree.unit()))).contains(tree.sub());
        TestUsers.signIn(TestUsers.administrator(Role.SYSTEM_ADMIN));
        UnitForm form = new UnitForm();
        form.setParentId(tree.sibling());
        form.setCode(OrganizationFixtures.uniqueCode());
        form.setName("市价格监测中心");
        units.update(tree.sub(), form);
        TestUsers.signOut();
        assertThat(directory.visibleUnitIds(officerOf(tree.unit()))).doesNotContain(tree.sub());
        assertThat(directory.visibleUnitIds(officerOf(tree.sibling()))).contains(tree.sub());
        assertThat(directory.visibleUnitIds(officerOf(tree.bureau()))).contains(tree.sub());
    }

    @Test
    void aUnitCreatedInATransactionThatRollsBackNeverEntersAnyScope() {
        AtomicLong created = new AtomicLong();
        TestUsers.signIn(TestUsers.administrator(Role.SYSTEM_ADMIN));
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            created.set(fixtures.unit(tree.unit(), "临时单位", false));
            // the writing transaction sees its own new unit
            assertThat(directory.visibleUnitIds(officerOf(tree.unit()))).contains(created.get());
            throw new IllegalStateException("the change failed after the unit was written");
        })).isInstanceOf(IllegalStateException.class);
        TestUsers.signOut();
        assertThat(created.get()).isPositive();
        assertThat(directory.visibleUnitIds(officerOf(tree.unit()))).doesNotContain(created.get());
        assertThat(directory.visibleUnitIds(officerOf(tree.bureau()))).doesNotContain(created.get());
    }

    @Test
    void aDeactivatedUnitIsNoLongerOfferedForNewRecords() {
        assertThat(directory.activeUnits()).extracting(UnitSummary::id).contains(tree.sibling());
        TestUsers.signIn(TestUsers.administrator(Role.SYSTEM_ADMIN));
        units.deactivate(tree.sibling());
        TestUsers.signOut();
        assertThat(directory.activeUnits()).extracting(UnitSummary::id).doesNotContain(tree.sibling());
    }
}
