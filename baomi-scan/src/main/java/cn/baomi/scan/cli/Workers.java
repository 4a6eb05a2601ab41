package cn.baomi.scan.cli;

import cn.baomi.scan.extract.Abandon;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Runs one job per item on N worker threads, each item on the thread that picked it up (no hand-over to another
 * thread per file: on two cores those left a fifth of the machine idle, docs/benchmarks.md), and watches them: an
 * item still running past the limit is given up — its handle abandoned, its worker interrupted, its result given by
 * {@code timedOut} — and a new worker takes the stuck one's place so that N keep working. Every item is delivered
 * exactly once, by whichever comes first: its worker or the watchdog. Workers are daemon threads: one stuck for
 * good does not keep the process alive.
 */
final class Workers<T, R> {

    private static final long CHECK_EVERY_MILLIS = 200;
    private final int threads;
    private final Duration limit;
    private final String reason;
    private final Function<T, R> timedOut;

    /** {@code limit}: how long one item may run before it is given up, with {@code reason}, as {@code timedOut}. */
    Workers(int threads, Duration limit, String reason, Function<T, R> timedOut) {
        this.threads = threads;
        this.limit = limit;
        this.reason = reason;
        this.timedOut = timedOut;
    }

    /**
     * Runs {@code job} on every item (with the handle the watchdog abandons) and returns once each result has gone to
     * {@code delivery}, exactly once per item, from a worker or the watchdog. {@code stillWaiting} runs every hour.
     */
    void run(List<T> items, BiFunction<T, Abandon, R> job, BiConsumer<T, R> delivery, Runnable stillWaiting) throws InterruptedException {
        CountDownLatch left = new CountDownLatch(items.size());
        Set<Running<T>> running = ConcurrentHashMap.newKeySet();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), daemon("baomi-scan-worker"));
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(daemon("baomi-scan-watchdog"));
        watchdog.scheduleWithFixedDelay(() -> {
            long now = System.nanoTime();
            for (Running<T> r : running) {
                if (now - r.started > limit.toNanos() && r.claim()) {
                    // the stuck worker may never come back: another one takes its place
                    pool.setMaximumPoolSize(pool.getMaximumPoolSize() + 1);
                    pool.setCorePoolSize(pool.getCorePoolSize() + 1);
                    r.handle.abandon(reason);
                    r.interrupt();
                    try {
                        delivery.accept(r.item, timedOut.apply(r.item));
                    } catch (RuntimeException e) {
                        // a failed delivery must not end the watching (a scheduled task that throws is not run again)
                    } finally {
                        left.countDown();
                    }
                }
            }
        }, CHECK_EVERY_MILLIS, CHECK_EVERY_MILLIS, TimeUnit.MILLISECONDS);
        try {
            for (T item : items) {
                pool.execute(() -> {
                    Running<T> r = new Running<>(item, Thread.currentThread());
                    running.add(r);
                    try {
                        R result;
                        try {
                            result = job.apply(item, r.handle);
                        } finally {
                            r.finished();
                            running.remove(r);
                        }
                        if (r.claim()) {
                            try {
                                delivery.accept(item, result);
                            } finally {
                                left.countDown();
                            }
                        }
                    } finally {
                        if (r.claim()) { // the job failed: nothing to deliver, and the run must not wait for it
                            left.countDown();
                        }
                    }
                });
            }
            while (!left.await(1, TimeUnit.HOURS)) {
                stillWaiting.run();
            }
        } finally {
            watchdog.shutdownNow();
            pool.shutdownNow();
        }
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** An item on a worker, delivered once: by the worker when it finishes, or by the watchdog past the limit. */
    private static final class Running<T> {
        final T item;
        final Abandon handle = new Abandon();
        final long started = System.nanoTime();
        private final Thread thread;
        private final AtomicBoolean delivered = new AtomicBoolean();
        private boolean finished;

        Running(T item, Thread thread) {
            this.item = item;
            this.thread = thread;
        }

        boolean claim() {
            return delivered.compareAndSet(false, true);
        }

        /** Interrupts the worker only while it still runs this item, never the next one it picked up. */
        synchronized void interrupt() {
            if (!finished) {
                thread.interrupt();
            }
        }

        synchronized void finished() {
            finished = true;
        }
    }
}
