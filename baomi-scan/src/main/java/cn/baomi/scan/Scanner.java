package cn.baomi.scan;

import cn.baomi.scan.extract.Abandon;
import cn.baomi.scan.extract.Extractor;
import cn.baomi.scan.keyword.Dictionary;
import cn.baomi.scan.keyword.KeywordMatcher;
import cn.baomi.scan.text.TextUnit;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The inspection engine: finds markings, dictionary terms and sensitive patterns in a file, a
 * stream or a text. Build once (building the dictionary automaton is the expensive part) and share:
 * instances are thread-safe. No scan method throws on bad input; problems end up in
 * {@link ScanResult#error()}.
 */
public final class Scanner {

    private final Inspector inspector;
    private final Extractor extractor;
    private final Limits limits;

    private Scanner(KeywordMatcher keywords, Limits limits, Ocr ocr) {
        this.inspector = new Inspector(keywords, limits.maxFindings());
        this.extractor = new Extractor(limits, ocr);
        this.limits = limits;
    }

    /** A scanner with the given dictionaries and limits, without OCR. */
    public static Scanner create(List<Dictionary> dictionaries, Limits limits) {
        return create(dictionaries, limits, Ocr.off());
    }

    /**
     * A scanner with the given dictionaries, limits and OCR settings.
     *
     * @throws IllegalStateException when OCR is enabled but tesseract or its languages are missing;
     *                               the message says what to install
     */
    public static Scanner create(List<Dictionary> dictionaries, Limits limits, Ocr ocr) {
        String problem = ocr.problem();
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
        return new Scanner(KeywordMatcher.build(dictionaries), limits, ocr);
    }

    /** A scanner for markings and built-in patterns only, with default limits. */
    public static Scanner create() {
        return create(List.of(), Limits.defaults());
    }

    public Limits limits() {
        return limits;
    }

    /** Scans a file and everything nested in it. */
    public ScanResult scanFile(Path file) {
        Path name = file.getFileName();
        return scanFile(file, file.toString(), name == null ? file.toString() : name.toString(),
                sink -> extractor.extract(file, sink));
    }

    /**
     * Scans a file on the calling thread. Unlike {@link #scanFile(Path)}, which hands every file to a watched thread
     * so that a parser stuck in a loop is left behind at the time limit, nothing here stops such a parser: the
     * caller watches its own threads and, past {@link #abandonAfter()}, calls {@code handle.abandon} and goes on
     * without the stuck one (its result, if it ever comes, is only the reason given). For callers that run many
     * files on their own workers, such as the command line: it saves two thread hand-overs per file.
     */
    public ScanResult scanFileHere(Path file, Abandon handle) {
        Path name = file.getFileName();
        return scanFile(file, file.toString(), name == null ? file.toString() : name.toString(),
                sink -> extractor.extractHere(file, sink, handle));
    }

    /** How long a file may take before it should be abandoned: the time limit and a grace period. */
    public Duration abandonAfter() {
        return extractor.abandonAfter();
    }

    /** The problem reported for a file abandoned past {@link #abandonAfter()}. */
    public String timedOut() {
        return Extractor.timedOut(limits);
    }

    /** Inspects what {@code extraction} hands its sink; the problems it answers become the result's error. */
    private ScanResult scanFile(Path file, String displayPath, String fileName,
                                Function<Consumer<TextUnit>, List<String>> extraction) {
        Inspector.Collector collector = inspector.collector();
        collector.fileName(fileName, "文件名");
        long bytes = sizeOf(file);
        List<String> problems = extraction.apply(collector::unit);
        return collector.result(displayPath, problems.isEmpty() ? null : String.join("; ", problems), bytes);
    }

    /** Scans a stream (spooled to a temporary file, at most the size limit); {@code name} is its file name. */
    public ScanResult scanStream(String name, InputStream in) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("baomi-scan-", suffix(name));
            long copied;
            try (OutputStream out = Files.newOutputStream(tmp)) {
                copied = in.transferTo(new BoundedOutputStream(out, limits.maxFileBytes() + 1));
            } catch (BoundedOutputStream.TooLarge e) {
                return ScanResult.failed(name, "文件大小超过上限 " + (limits.maxFileBytes() >> 20)
                        + " MB，未检查内容 (stream larger than the size limit)", limits.maxFileBytes());
            }
            Path named = tmp.resolveSibling(tmp.getFileName() + "-" + safeName(name));
            Files.move(tmp, named);
            tmp = named;
            ScanResult r = scanFile(named, name, safeName(name), sink -> extractor.extract(named, sink));
            return new ScanResult(name, r.marking(), r.confidence(), r.findings(), r.error(), copied);
        } catch (IOException e) {
            return ScanResult.failed(name, "无法读取 (cannot read): " + e.getMessage(), 0);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a temporary file left behind is not worth failing the scan for
                }
            }
        }
    }

    /** Scans a text; {@code name} is its file name (markings in names count), may be empty. */
    public ScanResult scanText(String name, String text) {
        Inspector.Collector collector = inspector.collector();
        if (!name.isEmpty()) {
            collector.fileName(name, "文件名");
        }
        collector.unit(TextUnit.of(name, text));
        return collector.result(name, null, text.length());
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static String suffix(String name) {
        int dot = name.lastIndexOf('.');
        return dot >= 0 && name.length() - dot <= 10 ? name.substring(dot).replaceAll("[^.A-Za-z0-9]", "") : "";
    }

    private static String safeName(String name) {
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        String clean = base.replaceAll("[\\x00-\\x1F/\\\\:*?\"<>|]", "_");
        return clean.length() > 120 ? clean.substring(clean.length() - 120) : clean;
    }
}
