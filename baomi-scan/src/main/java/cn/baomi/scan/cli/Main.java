package cn.baomi.scan.cli;

import cn.baomi.scan.Limits;
import cn.baomi.scan.Ocr;
import cn.baomi.scan.ScanResult;
import cn.baomi.scan.Scanner;
import cn.baomi.scan.extract.Abandon;
import cn.baomi.scan.keyword.Dictionary;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** The baomi-scan command line. Exit codes: 0 nothing found, 1 something found, 2 unreadable file or bad arguments. */
public final class Main {

    static final int NOTHING_FOUND = 0;
    static final int FOUND = 1;
    static final int TROUBLE = 2;
    private static final String ENGINE_VERSION = "baomi-scan/2";

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream stdout, PrintStream stderr) {
        Options o;
        try {
            o = Options.parse(args);
        } catch (Options.BadArguments e) {
            stderr.println("baomi-scan: " + e.getMessage());
            stderr.println("使用 --help 查看用法 (see --help)");
            return TROUBLE;
        }
        if (o.help) {
            stdout.print(Options.USAGE);
            stdout.flush();
            return NOTHING_FOUND;
        }
        List<Dictionary> dictionaries = new ArrayList<>();
        for (Path k : o.keywordFiles) {
            try {
                dictionaries.add(Dictionary.load(k));
            } catch (IOException | RuntimeException e) {
                stderr.println("baomi-scan: 无法读取词典 (cannot read dictionary) " + k + ": " + e.getMessage());
                return TROUBLE;
            }
        }
        Limits limits = Limits.defaults().withMaxFileBytes(o.maxFileMb << 20).withMaxDepth(o.maxDepth)
                .withTimePerFile(Duration.ofSeconds(o.timeoutSeconds));
        Ocr ocr = o.ocr ? Ocr.tesseract().withCommand(o.tesseract) : Ocr.off();
        Scanner scanner;
        try {
            scanner = Scanner.create(dictionaries, limits, ocr);
        } catch (IllegalStateException e) {
            stderr.println("baomi-scan: " + e.getMessage());
            return TROUBLE;
        }
        try {
            return scan(o, scanner, fingerprint(o, limits, ocr), stdout, stderr);
        } catch (IOException e) {
            stderr.println("baomi-scan: " + e.getMessage());
            return TROUBLE;
        }
    }

    private static int scan(Options o, Scanner scanner, String fingerprint, PrintStream stdout, PrintStream stderr)
            throws IOException {
        long started = System.nanoTime();
        List<FileWalker.Item> items = FileWalker.walk(o.paths);
        long totalBytes = items.stream().mapToLong(FileWalker.Item::size).sum();
        ScanCache cache = o.incremental ? ScanCache.load(cachePath(o), fingerprint) : null;
        OutputStream sink = o.output == null ? stdout : Files.newOutputStream(o.output);
        // a person reading text in a terminal gets the terminal's encoding (GBK on Chinese Windows);
        // files, pipes, JSONL and HTML are always UTF-8
        java.nio.charset.Charset charset = o.output == null && o.format == Options.Format.TEXT && System.console() != null
                ? System.console().charset() : StandardCharsets.UTF_8;
        PrintWriter out = new PrintWriter(new OutputStreamWriter(sink, charset), false);
        Report report = Report.of(o.format, out);
        AtomicInteger found = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger cached = new AtomicInteger();
        AtomicLong bytes = new AtomicLong();
        boolean showProgress = o.progress == Options.ProgressMode.ON
                || o.progress == Options.ProgressMode.AUTO && System.console() != null;
        String timedOut = scanner.timedOut();
        Workers<FileWalker.Item, ScanResult> workers = new Workers<>(o.threads, scanner.abandonAfter(), timedOut,
                item -> ScanResult.failed(item.path().toString(), timedOut, item.size()));
        try (Progress progress = new Progress(stderr, items.size(), totalBytes, showProgress)) {
            workers.run(items, (item, handle) -> scanOne(scanner, cache, item, cached, handle), (item, r) -> {
                if (r.found()) {
                    found.incrementAndGet();
                }
                if (r.error() != null) {
                    errors.incrementAndGet();
                }
                bytes.addAndGet(item.size());
                synchronized (report) {
                    report.result(r);
                }
                progress.done(item.size());
            }, () -> stderr.println("baomi-scan: 仍在检查 (still scanning)…"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            errors.incrementAndGet();
        }
        double secs = (System.nanoTime() - started) / 1e9;
        report.finish(new Report.Summary(items.size(), found.get(), errors.get(), cached.get(), bytes.get(), secs));
        out.flush();
        if (o.output != null) {
            out.close();
        }
        if (cache != null) {
            try {
                cache.save();
            } catch (IOException e) {
                stderr.println("baomi-scan: 无法保存缓存 (cannot save cache): " + e.getMessage());
            }
        }
        if (errors.get() > 0) {
            return TROUBLE;
        }
        return found.get() > 0 ? FOUND : NOTHING_FOUND;
    }

    private static ScanResult scanOne(Scanner scanner, ScanCache cache, FileWalker.Item item, AtomicInteger cached,
                                      Abandon handle) {
        if (item.error() != null) {
            return ScanResult.failed(item.path().toString(), item.error(), 0);
        }
        String key = item.path().toAbsolutePath().normalize().toString();
        // hashed before the scan: a file changed during it is stored under the old hash and missed next time
        String hash = cache == null || item.size() > scanner.limits().maxFileBytes() ? null : ScanCache.hash(item.path());
        if (cache != null && hash != null) {
            ScanResult hit = cache.lookup(key, hash, item.size(), item.mtime(), item.path().toString());
            if (hit != null) {
                cached.incrementAndGet();
                return hit;
            }
        }
        ScanResult r;
        try {
            r = scanner.scanFileHere(item.path(), handle);
        } catch (RuntimeException | StackOverflowError e) {
            r = ScanResult.failed(item.path().toString(), "内部错误 (internal error): " + e, item.size());
        } catch (OutOfMemoryError e) {
            r = ScanResult.failed(item.path().toString(), "内存不足，未能检查 (out of memory)", item.size());
        }
        if (cache != null && handle.reason() == null) {
            cache.put(key, item.size(), item.mtime(), hash, r);
        }
        return r;
    }

    private static Path cachePath(Options o) {
        if (o.cache != null) {
            return o.cache;
        }
        return Path.of(System.getProperty("user.home"), ".cache", "baomi-scan", "cache.tsv");
    }

    /** Changes whenever the dictionaries, the limits, OCR or the engine change, invalidating the cache. */
    private static String fingerprint(Options o, Limits limits, Ocr ocr) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update((ENGINE_VERSION + limits + ocr).getBytes(StandardCharsets.UTF_8));
            for (Path k : o.keywordFiles) {
                md.update(Files.readAllBytes(k));
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
