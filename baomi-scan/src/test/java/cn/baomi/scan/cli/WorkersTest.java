package cn.baomi.scan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The command line's workers: each file on the worker that picked it up, and a stuck one given up at the limit. */
class WorkersTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private final Map<String, List<String>> delivered = new ConcurrentHashMap<>();

    @AfterEach
    void releaseTheStuckJob() {
        release.countDown();
    }

    @Test
    void aStuckFileIsGivenUpAtTheLimitAndTheOthersAreStillScannedByAsManyWorkers() throws Exception {
        Workers<String, String> workers = new Workers<>(1, Duration.ofMillis(300), "超时", item -> "timed out " + item);
        List<String> ranOn = new CopyOnWriteArrayList<>();

        long start = System.nanoTime();
        workers.run(List.of("a", "stuck", "b", "c"), (item, handle) -> {
            ranOn.add(Thread.currentThread().getName());
            if (item.equals("stuck")) {
                ignoringInterruptsUntilReleased();
                return "late " + item + " " + handle.reason();
            }
            return "scanned " + item;
        }, this::deliver, () -> { });
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).isLessThan(Duration.ofSeconds(10));
        assertThat(delivered).containsOnlyKeys("a", "stuck", "b", "c");
        assertThat(delivered.get("stuck")).containsExactly("timed out stuck");
        assertThat(delivered.get("c")).containsExactly("scanned c");
        assertThat(ranOn).allMatch(name -> name.equals("baomi-scan-worker"));
        // the stuck job finishing later is not delivered a second time
        release.countDown();
        Thread.sleep(200);
        assertThat(delivered.get("stuck")).containsExactly("timed out stuck");
    }

    @Test
    void everyFileIsDeliveredExactlyOnceWithSeveralWorkers() throws Exception {
        Workers<String, String> workers = new Workers<>(3, Duration.ofSeconds(30), "超时", item -> "timed out");
        List<String> items = java.util.stream.IntStream.range(0, 500).mapToObj(i -> "f" + i).toList();

        workers.run(items, (item, handle) -> "scanned " + item, this::deliver, () -> { });

        assertThat(delivered).hasSize(500);
        assertThat(delivered.values()).allSatisfy(results -> assertThat(results).hasSize(1));
    }

    @Test
    void aJobThatFailsDoesNotKeepTheRunWaiting() throws Exception {
        Workers<String, String> workers = new Workers<>(1, Duration.ofSeconds(30), "超时", item -> "timed out");

        workers.run(List.of("a", "bad", "b"), (item, handle) -> {
            if (item.equals("bad")) {
                throw new IllegalStateException("a bug in the job");
            }
            return "scanned " + item;
        }, this::deliver, () -> { });

        assertThat(delivered).containsOnlyKeys("a", "b");
    }

    private void deliver(String item, String result) {
        delivered.computeIfAbsent(item, k -> new CopyOnWriteArrayList<>()).add(result);
    }

    /** A parser bug on a crafted file: neither reads, writes nor looks at interruption. */
    private void ignoringInterruptsUntilReleased() {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (release.getCount() > 0 && System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }
}
