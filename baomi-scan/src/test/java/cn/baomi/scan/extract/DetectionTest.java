package cn.baomi.scan.extract;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baomi.scan.Fixtures;
import cn.baomi.scan.Limits;
import cn.baomi.scan.Ocr;
import cn.baomi.scan.text.TextUnit;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each document is detected once: the parse reuses the type found before it (TikaEngine). */
class DetectionTest {

    @TempDir
    Path dir;

    @Test
    void eachDocumentIsDetectedOnceAndStillParsedByItsType() throws IOException {
        AtomicInteger detections = new AtomicInteger();
        AutoDetectParser parser = new AutoDetectParser();
        Detector real = parser.getDetector();
        parser.setDetector(new Detector() {
            @Override
            public MediaType detect(InputStream input, Metadata metadata) throws IOException {
                detections.incrementAndGet();
                return real.detect(input, metadata);
            }
        });
        Extractor extractor = new Extractor(Limits.defaults(), Ocr.off(), () -> new TikaEngine(parser));
        Path docx = Files.write(dir.resolve("a.docx"), Fixtures.docx("页眉", "页脚", "单元格", "机密★5年", "正文"));
        Path zip = Files.write(dir.resolve("b.zip"), Fixtures.zip(Map.of("inner.docx",
                Fixtures.docx("", "", "", "秘密★1年"))));

        List<TextUnit> units = new CopyOnWriteArrayList<>();
        assertThat(extractor.extract(docx, units::add)).isEmpty();
        assertThat(detections).hasValue(1);
        assertThat(units).extracting(TextUnit::text).anySatisfy(t -> assertThat(t).contains("机密★5年").contains("页眉"));

        units.clear();
        detections.set(0);
        assertThat(extractor.extract(zip, units::add)).isEmpty();
        assertThat(detections).as("the zip and the document inside it, once each").hasValue(2);
        assertThat(units).extracting(TextUnit::text).anySatisfy(t -> assertThat(t).contains("秘密★1年"));
    }
}
