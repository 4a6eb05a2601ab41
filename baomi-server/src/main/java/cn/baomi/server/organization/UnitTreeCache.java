package cn.baomi.server.organization;

import org.springframework.stereotype.Component;

import cn.baomi.server.shared.ChangeGeneration;

/**
 * The unit tree, read once and kept until the organisation changes ({@link OrganizationChanges}): every scope check
 * asks for it, and units change a few times a year (docs/decisions/ledger-performance.md). Single node: another
 * node's change is not seen here. A transaction that changed the organisation reads the tree afresh until it ends.
 */
@Component
class UnitTreeCache {

    private record Cached(UnitTree tree, long generation) {
    }

    private final Units units;
    private final ChangeGeneration generation;
    private volatile Cached cached;

    UnitTreeCache(Units units, OrganizationChanges changes) {
        this.units = units;
        this.generation = changes;
    }

    UnitTree tree() {
        Cached c = cached;
        if (c != null && generation.isCurrent(c.generation())) {
            return c.tree();
        }
        long current = generation.current();
        UnitTree tree = new UnitTree(units.all());
        if (current != ChangeGeneration.NONE) {
            cached = new Cached(tree, current);
        }
        return tree;
    }

    /** A unit the cached tree does not know (written behind our back): read again, once. */
    UnitTree treeKnowing(long unitId) {
        UnitTree tree = tree();
        if (tree.get(unitId) == null) {
            cached = null;
            tree = tree();
        }
        return tree;
    }
}
