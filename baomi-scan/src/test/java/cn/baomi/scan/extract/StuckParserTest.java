package cn.baomi.scan.extract;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baomi.scan.Limits;
import cn.baomi.scan.Ocr;
import cn.baomi.scan.text.TextUnit;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.ContentHandler;

/**
 * A runaway parser (a loop that neither reads, writes nor looks at interruption, as a parser bug
 * on a crafted file would be) is abandoned at the time limit; the scan goes on and the abandoned
 * parse cannot add text to the result later.
 */
class StuckParserTest {

    private static volatile boolean released;
    @TempDir
    Path dir;

    /** Spins on PDFs until released (or 60 s), ignoring interruption; then emits a marking. */
    static final class RunawayParser implements Parser {
        @Override
        public Set<MediaType> getSupportedTypes(ParseContext context) {
            return Set.of(MediaType.application("pdf"));
        }

        @Override
        public void parse(InputStream stream, ContentHandler handler, Metadata metadata, ParseContext context)
                throws org.xml.sax.SAXException {
            long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!released && System.nanoTime() < end) {
                Thread.onSpinWait();
            }
            char[] late = "机密★5年".toCharArray();
            handler.characters(late, 0, late.length);
        }
    }

    @BeforeEach
    void hold() {
        released = false;
    }

    @AfterEach
    void release() {
        released = true;
    }

    @Test
    void runawayParserIsAbandonedAtTheTimeLimitAndTheScanGoesOn() throws Exception {
        Extractor extractor = new Extractor(Limits.defaults().withTimePerFile(Duration.ofSeconds(1)), Ocr.off(),
                () -> new TikaEngine(new AutoDetectParser(new RunawayParser())));
        Path pdf = Files.writeString(dir.resolve("runaway.pdf"), "%PDF-1.4\n%stuck\n", StandardCharsets.US_ASCII);
        List<TextUnit> units = new CopyOnWriteArrayList<>();

        long start = System.nanoTime();
        List<String> problems = extractor.extract(pdf, units::add);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(problems).singleElement().asString().contains("处理超时").contains("abandoned");
        assertThat(took).isLessThan(Duration.ofSeconds(8));
        // the same extractor goes on with the next file
        Path next = Files.writeString(dir.resolve("next.txt"), "秘密★1年\n", StandardCharsets.UTF_8);
        List<TextUnit> nextUnits = new CopyOnWriteArrayList<>();
        assertThat(extractor.extract(next, nextUnits::add)).isEmpty();
        assertThat(nextUnits).extracting(TextUnit::text).containsExactly("秘密★1年\n");
        // once the runaway parse ends, its late text is not delivered
        released = true;
        Thread.sleep(300);
        assertThat(units).allSatisfy(u -> assertThat(u.text()).doesNotContain("机密"));
    }

    @Test
    void runawayParserOnTheCallersThreadIsGivenUpThroughItsHandle() throws Exception {
        Extractor extractor = new Extractor(Limits.defaults(), Ocr.off(),
                () -> new TikaEngine(new AutoDetectParser(new RunawayParser())));
        Path pdf = Files.writeString(dir.resolve("runaway.pdf"), "%PDF-1.4\n%stuck\n", StandardCharsets.US_ASCII);
        List<TextUnit> units = new CopyOnWriteArrayList<>();
        Abandon handle = new Abandon();
        List<List<String>> problems = new CopyOnWriteArrayList<>();
        Thread worker = new Thread(() -> problems.add(extractor.extractHere(pdf, units::add, handle)));
        worker.start();

        Thread.sleep(300);
        handle.abandon("已放弃 (given up)");
        released = true;
        worker.join(10_000);

        assertThat(problems).containsExactly(List.of("已放弃 (given up)"));
        assertThat(units).allSatisfy(u -> assertThat(u.text()).doesNotContain("机密"));
    }
}
