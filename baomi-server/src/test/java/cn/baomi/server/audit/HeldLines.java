package cn.baomi.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Holds chain lines in an open transaction on a thread (and connection) of its own, as writers in the middle of their
 * commits would, until closed.
 */
final class HeldLines implements AutoCloseable {

    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final Future<?> done;

    HeldLines(TransactionTemplate tx, JdbcClient jdbc, List<Integer> lines) throws InterruptedException {
        done = thread.submit(() -> tx.executeWithoutResult(status -> {
            for (int line : lines) {
                jdbc.sql("select id from audit_chain_head where id = ? for update").param(line).query(Integer.class)
                        .single();
            }
            held.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(held.await(30, TimeUnit.SECONDS)).as("lines %s held", lines).isTrue();
    }

    static HeldLines hold(TransactionTemplate tx, JdbcClient jdbc, Integer... lines) throws InterruptedException {
        return new HeldLines(tx, jdbc, List.of(lines));
    }

    @Override
    public void close() throws Exception {
        release.countDown();
        try {
            done.get(30, TimeUnit.SECONDS);
        } finally {
            thread.shutdownNow();
        }
    }
}
