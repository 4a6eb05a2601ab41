import cn.baomi.scan.Limits;
import cn.baomi.scan.ScanResult;
import cn.baomi.scan.Scanner;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;

/**
 * Files per second of plain Tika extraction (AutoDetectParser + BodyContentHandler(-1), the
 * reference) or of a full baomi-scan inspection (extraction + markings + patterns), over all
 * files of a directory with N threads; also the process CPU time per file (all threads: workers,
 * GC, JIT), which other processes on a shared machine disturb far less than wall time. Before the timed pass the whole corpus is run untimed
 * {@code -Dwarm=N} times (default 1), or with {@code -Dwarm=auto} until the JIT has settled, so that the JIT has compiled the hot paths: on two cores a cold
 * run spends the second core on C2 compilation, which hides any speed-up from a second worker.
 * Usage: ExtractBench tika|scan|scan-watched THREADS DIR
 */
public class ExtractBench {
    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int threads = Integer.parseInt(args[1]);
        List<Path> files;
        try (var s = Files.list(Path.of(args[2]))) {
            files = s.sorted().toList();
        }
        AutoDetectParser tika = new AutoDetectParser();
        Scanner scanner = Scanner.create(List.of(), Limits.defaults());
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger found = new AtomicInteger();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        java.util.function.Consumer<Path> work = p -> {
            try {
                if (mode.equals("tika")) {
                    try (InputStream in = Files.newInputStream(p)) {
                        tika.parse(in, new BodyContentHandler(-1), new Metadata(), new ParseContext());
                    }
                } else {
                    // "scan": as the command line runs a file, on the worker's own thread (Scanner.scanFileHere);
                    // "scan-watched": through Scanner.scanFile, which hands each file to a watched thread
                    ScanResult r = mode.equals("scan-watched") ? scanner.scanFile(p)
                            : scanner.scanFileHere(p, new cn.baomi.scan.extract.Abandon());
                    if (r.error() != null) {
                        errors.incrementAndGet();
                    }
                    if (r.found()) {
                        found.incrementAndGet();
                    }
                }
            } catch (Exception e) {
                errors.incrementAndGet();
            }
        };
        // -Dwarm=N: N untimed passes; -Dwarm=auto: passes until the JIT compiler spent under 2 % of a pass's
        // wall time compiling (at most 20): on two cores a compiler still busy takes the second worker's core
        String warmSetting = System.getProperty("warm", "1");
        var jit = ManagementFactory.getCompilationMXBean();
        int passes = 0;
        while (true) {
            if (!warmSetting.equals("auto") && passes >= Integer.parseInt(warmSetting)) {
                break;
            }
            long jit0 = jit.getTotalCompilationTime();
            long w0 = System.nanoTime();
            run(files, threads, work);
            passes++;
            double jitShare = (jit.getTotalCompilationTime() - jit0) / ((System.nanoTime() - w0) / 1e6);
            if (warmSetting.equals("auto") && (jitShare < 0.02 || passes >= 20)) {
                break;
            }
        }
        errors.set(0);
        found.set(0);
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        // -Dtimed=N: the timed part is N passes (default 1); a longer one evens out the JIT's bursts
        int timed = Integer.parseInt(System.getProperty("timed", "1"));
        long jitBefore = jit.getTotalCompilationTime();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        for (int i = 0; i < timed; i++) {
            run(files, threads, work);
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        long cpuNanos = os.getProcessCpuTime() - cpu0;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "%s threads=%d files=%d seconds=%.2f files_per_s=%.1f cpu_ms_per_file=%.2f errors=%d found=%d peak_heap_mb=%d warm_passes=%d jit_share=%.3f%n",
                mode, threads, files.size(), secs, timed * files.size() / secs, cpuNanos / 1e6 / (timed * files.size()),
                errors.get() / timed, found.get() / timed, peak >> 20, passes, (jit.getTotalCompilationTime() - jitBefore) / (secs * 1000));
    }

    static void run(List<Path> files, int threads, java.util.function.Consumer<Path> work) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (Path p : files) {
            pool.execute(() -> work.accept(p));
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
    }
}
