package cn.baomi.scan.extract;

import cn.baomi.scan.Limits;
import cn.baomi.scan.Ocr;
import cn.baomi.scan.text.TextDecoder;
import cn.baomi.scan.text.TextUnit;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;

/**
 * Extracts the text of a file and of everything nested in it (archive entries, attachments,
 * embedded objects), each as a {@link TextUnit}, within {@link Limits}. Plain text files are read
 * directly; everything else goes through Tika, built on first use. Problems (encrypted, corrupt,
 * limits) are returned, never thrown. Thread-safe.
 */
public final class Extractor {

    private static final int HEAD = 16;
    private static final long WHOLE_READ_BYTES = 4L << 20;
    private static final long GRACE_MILLIS = 2000;
    private static final ExecutorService WATCHED = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "baomi-scan-extract");
        t.setDaemon(true);
        return t;
    });
    private final Limits limits;
    private final OcrRunner ocr;
    private final Supplier<TikaEngine> tikaFactory;
    private volatile TikaEngine tika;

    /** {@code ocr} must have been checked ({@link Ocr#problem()}) when enabled. */
    public Extractor(Limits limits, Ocr ocr) {
        this(limits, ocr, TikaEngine::new);
    }

    Extractor(Limits limits, Ocr ocr, Supplier<TikaEngine> tikaFactory) {
        this.limits = limits;
        this.ocr = ocr.enabled() ? new OcrRunner(ocr) : null;
        this.tikaFactory = tikaFactory;
    }

    /**
     * Extracts {@code file}; its units go to {@code sink}; returns the problems met. The work runs on
     * a watched thread: past the time limit plus a grace period (a parser stuck without reading or
     * writing, a read that blocks) the file is abandoned and reported, its thread left to die on its
     * next check, and no later unit reaches the sink.
     */
    public List<String> extract(Path file, Consumer<TextUnit> sink) {
        Abandon handle = new Abandon();
        Future<List<String>> work = WATCHED.submit(() -> extractHere(file, sink, handle));
        try {
            return work.get(abandonAfter().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            String message = timedOut(limits);
            handle.abandon(message);
            work.cancel(true);
            return List.of(message);
        } catch (ExecutionException e) {
            String message = "内部错误 (internal error): " + e.getCause();
            handle.abandon(message);
            return List.of(message);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            handle.abandon("检查被中断 (interrupted)");
            work.cancel(true);
            return List.of("检查被中断 (interrupted)");
        }
    }

    /**
     * Extracts {@code file} on the calling thread, without the hand-over to a watched thread that {@link #extract}
     * makes for every file (on two cores those hand-overs left a fifth of the machine idle, docs/benchmarks.md).
     * Nothing here abandons a parser stuck in a loop: a caller using this must watch its own threads and, past
     * {@link #abandonAfter()}, call {@link Abandon#abandon} and go on without the thread (the command line does).
     */
    public List<String> extractHere(Path file, Consumer<TextUnit> sink, Abandon handle) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            return List.of("无法读取 (cannot read): " + e.getMessage());
        }
        Budget budget = new Budget(limits, size);
        GatedSink gate = new GatedSink(sink);
        handle.attach(budget, gate);
        List<String> problems = extractHere(file, size, budget, gate);
        return handle.reason() == null ? problems : List.of(handle.reason());
    }

    /** How long a file may take before its extraction is abandoned: the time limit and a grace period. */
    public Duration abandonAfter() {
        return limits.timePerFile().plusMillis(GRACE_MILLIS);
    }

    /** The problem reported for a file abandoned at the time limit. */
    public static String timedOut(Limits limits) {
        return "处理超时 " + limits.timePerFile().toSeconds() + " 秒，已放弃该文件 (time limit per file reached, abandoned)";
    }

    private List<String> extractHere(Path file, long size, Budget budget, Consumer<TextUnit> sink) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (size > limits.maxFileBytes()) {
            return List.of("文件大小 " + (size >> 20) + " MB 超过上限 " + (limits.maxFileBytes() >> 20)
                    + " MB，未检查内容 (file larger than the size limit)");
        }
        try {
            byte[] head;
            try (InputStream in = Files.newInputStream(file)) {
                head = in.readNBytes(HEAD);
            }
            if (PlainText.looksPlain(name, head)) {
                return plain(file, name, size, budget, sink);
            }
            Session session = new Session(engine(), budget, sink, ocr);
            Metadata metadata = new Metadata();
            try (TikaInputStream tis = TikaInputStream.get(file, metadata)) {
                session.parse(tis, "", name, 0);
            } catch (LimitException e) {
                session.problem(e.getMessage());
            }
            return session.problems();
        } catch (IOException e) {
            return List.of("无法读取 (cannot read): " + e.getMessage());
        }
    }

    private List<String> plain(Path file, String name, long size, Budget budget, Consumer<TextUnit> sink)
            throws IOException {
        if (size <= WHOLE_READ_BYTES) {
            // small files: one read and the JDK's fast whole-array decoding
            String text = TextDecoder.decode(Files.readAllBytes(file));
            String problem = null;
            if (text.length() > budget.charsLeft()) {
                text = text.substring(0, (int) budget.charsLeft());
                try {
                    budget.chars(text.length() + 1);
                } catch (LimitException e) {
                    problem = e.getMessage();
                }
            }
            sink.accept(TextUnit.of(name, text));
            return problem == null ? List.of() : List.of(problem);
        }
        StringBuilder text = new StringBuilder();
        String problem = null;
        try (InputStream in = Files.newInputStream(file)) {
            PlainText.read(in, budget, text);
        } catch (LimitException e) {
            problem = e.getMessage();
        }
        sink.accept(TextUnit.of(name, text.toString()));
        return problem == null ? List.of() : List.of(problem);
    }

    private TikaEngine engine() {
        TikaEngine e = tika;
        if (e == null) {
            synchronized (this) {
                e = tika;
                if (e == null) {
                    e = tikaFactory.get();
                    tika = e;
                }
            }
        }
        return e;
    }

    /** Passes units on until closed; closing waits for a unit being passed on. */
    static final class GatedSink implements Consumer<TextUnit> {
        private final Consumer<TextUnit> sink;
        private boolean closed;

        GatedSink(Consumer<TextUnit> sink) {
            this.sink = sink;
        }

        @Override
        public synchronized void accept(TextUnit unit) {
            if (!closed) {
                sink.accept(unit);
            }
        }

        synchronized void close() {
            closed = true;
        }
    }
}
