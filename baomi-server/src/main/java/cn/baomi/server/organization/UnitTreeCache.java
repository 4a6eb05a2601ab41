package cn.baomi.server.organization;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The unit tree, read once and kept until a unit changes: every scope check asks for it, and units change a few
 * times a year (docs/decisions/ledger-performance.md). Single node: another node's change is not seen here.
 * <p>
 * Correctness: a change publishes {@link UnitsChanged} inside its transaction. From then until that transaction
 * ends, its own thread reads the tree afresh (it sees its uncommitted change, which nobody else may); when it
 * ends, committed or not, the generation moves on, so a tree read by another thread before the commit is never
 * kept. A tree is kept only under the generation read before loading it.
 */
@Component
class UnitTreeCache {

    private record Cached(UnitTree tree, long generation) {
    }

    private final Units units;
    private final AtomicLong generation = new AtomicLong();
    private volatile Cached cached;

    UnitTreeCache(Units units) {
        this.units = units;
    }

    UnitTree tree() {
        if (TransactionSynchronizationManager.hasResource(this)) {
            return new UnitTree(units.all());
        }
        long current = generation.get();
        Cached c = cached;
        if (c != null && c.generation() == current) {
            return c.tree();
        }
        UnitTree tree = new UnitTree(units.all());
        cached = new Cached(tree, current);
        return tree;
    }

    /** A unit the cached tree does not know (written behind our back): read again, once. */
    UnitTree treeKnowing(long unitId) {
        UnitTree tree = tree();
        if (tree.get(unitId) == null) {
            invalidate();
            tree = tree();
        }
        return tree;
    }

    @EventListener
    void unitsChanged(UnitsChanged event) {
        invalidate();
        if (TransactionSynchronizationManager.isSynchronizationActive() && !TransactionSynchronizationManager.hasResource(this)) {
            TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(UnitTreeCache.this);
                    invalidate();
                }
            });
        }
    }

    private void invalidate() {
        generation.incrementAndGet();
        cached = null;
    }
}
