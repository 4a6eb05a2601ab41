package cn.baomi.server.shared;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells a cache whether what it keeps may still be used (docs/decisions/ledger-performance.md, "Caches of data that
 * rarely changes"). A value is kept with the generation read <em>before</em> loading it, and used only while the
 * generation has not moved on. Whatever writes the data calls {@link #changed()} after writing it: the generation
 * moves on then and again when the writing transaction ends, committed or rolled back, so that a value another
 * thread read before the commit is never used afterwards; until it ends, the writing thread itself gets no
 * generation ({@link #current()} is {@link #NONE}) and reads afresh, seeing its own uncommitted change. Single
 * node: a change made by another node, or written behind the application, is not seen here; a cache that must
 * notice those keeps its values for a limited time as well. A module makes its own generation a bean by extending
 * this class, so that its repositories and caches name which data it stands for.
 */
public class ChangeGeneration {

    /** No generation: what is read now must not be kept. */
    public static final long NONE = -1;

    private final AtomicLong value = new AtomicLong();

    /** The generation to keep a value read from now on with, or {@link #NONE} inside a transaction that changed it. */
    public long current() {
        return TransactionSynchronizationManager.hasResource(this) ? NONE : value.get();
    }

    /** Whether a value kept with this generation may be used. */
    public boolean isCurrent(long generation) {
        return generation != NONE && generation == current();
    }

    /** The data changed (call it after the write): kept values are stale now and when the transaction ends. */
    public void changed() {
        value.incrementAndGet();
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && !TransactionSynchronizationManager.hasResource(this)) {
            TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(ChangeGeneration.this);
                    value.incrementAndGet();
                }
            });
        }
    }
}
