package cn.baomi.server.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The unit tree: subtrees for the data scope and the indented order of the unit list. */
class UnitTreeTest {

    private final UnitTree tree = new UnitTree(List.of(
            new Unit(1, null, "A", "市保密局", true, true),
            new Unit(2, 1L, "A1", "市发改委", false, true),
            new Unit(3, 2L, "A11", "价格中心", false, true),
            new Unit(4, 1L, "A2", "市财政局", false, false),
            new Unit(5, null, "B", "另一市", true, true)));

    @Test
    void aSubtreeHoldsTheUnitAndEveryUnitBelowIt() {
        assertThat(tree.subtree(1)).containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
        assertThat(tree.subtree(2)).containsExactlyInAnyOrder(2L, 3L);
        assertThat(tree.subtree(3)).containsExactly(3L);
        assertThat(tree.subtree(99)).isEmpty();
    }

    @Test
    void theListPutsChildrenUnderTheirParentAndStartsABranchWhereTheParentIsOutOfScope() {
        assertThat(tree.ordered(Set.of(1L, 2L, 3L, 4L, 5L)))
                .extracting(n -> n.unit().id() + "@" + n.depth())
                .containsExactly("1@0", "2@1", "3@2", "4@1", "5@0");
        assertThat(tree.ordered(Set.of(2L, 3L))).extracting(n -> n.unit().id() + "@" + n.depth())
                .containsExactly("2@0", "3@1");
    }

    @Test
    void corruptParentLinksDoNotMakeTheSubtreeLoop() {
        UnitTree looped = new UnitTree(List.of(new Unit(1, 2L, "A", "甲", false, true),
                new Unit(2, 1L, "B", "乙", false, true)));
        assertThat(looped.subtree(1)).containsExactlyInAnyOrder(1L, 2L);
    }
}
