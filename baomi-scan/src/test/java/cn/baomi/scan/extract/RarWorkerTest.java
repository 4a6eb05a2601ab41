package cn.baomi.scan.extract;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baomi.scan.Limits;
import cn.baomi.scan.Ocr;
import cn.baomi.scan.RarFixtures;
import cn.baomi.scan.text.TextUnit;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RAR5 archives are read by a child JVM ({@link RarWorker}): whatever happens to it — a crash, a
 * hang — is reported for that file, and the scan goes on.
 */
class RarWorkerTest {

    @TempDir
    Path dir;

    @AfterEach
    void noFault() {
        RarArchive.workerFault = null;
    }

    private Path rar5(String name) throws Exception {
        byte[] rar = RarFixtures.rar5(Map.of("内/a.txt", "机密★5年\n正文\n".getBytes(StandardCharsets.UTF_8)), false);
        return Files.write(dir.resolve(name), rar);
    }

    private static List<String> extract(Extractor extractor, Path file, List<TextUnit> units) {
        return extractor.extract(file, units::add);
    }

    private static boolean anyMarking(List<TextUnit> units) {
        return units.stream().anyMatch(u -> u.text().contains("机密"));
    }

    @Test
    void aCrashingRarReaderIsReportedAndTheScanGoesOn() throws Exception {
        Extractor extractor = new Extractor(Limits.defaults(), Ocr.off());
        RarArchive.workerFault = RarWorker.HALT;
        List<TextUnit> units = new CopyOnWriteArrayList<>();

        List<String> problems = extract(extractor, rar5("crash.rar"), units);

        // the entry was extracted before the crash, but without "complete" nothing of it is used
        assertThat(problems).singleElement().asString().contains("无法解析").contains("RAR5").contains("134");
        assertThat(anyMarking(units)).isFalse();
        RarArchive.workerFault = null;
        List<TextUnit> next = new CopyOnWriteArrayList<>();
        assertThat(extract(extractor, rar5("next.rar"), next)).isEmpty();
        assertThat(anyMarking(next)).isTrue();
    }

    @Test
    void aRarReaderThatCrashesAfterCompletingIsStillUsed() throws Exception {
        RarArchive.workerFault = RarWorker.HALT_AFTER_COMPLETE;
        List<TextUnit> units = new CopyOnWriteArrayList<>();

        List<String> problems = extract(new Extractor(Limits.defaults(), Ocr.off()), rar5("late.rar"), units);

        assertThat(problems).isEmpty();
        assertThat(units).anySatisfy(u -> {
            assertThat(u.innerPath()).isEqualTo("内/a.txt");
            assertThat(u.text()).contains("机密★5年");
        });
    }

    @Test
    void aRarReaderPastTheTimeLimitIsKilledAndReportedAsATimeOut() throws Exception {
        Extractor extractor = new Extractor(Limits.defaults().withTimePerFile(Duration.ofSeconds(3)), Ocr.off());
        RarArchive.workerFault = RarWorker.HANG;
        List<TextUnit> units = new CopyOnWriteArrayList<>();

        long start = System.nanoTime();
        List<String> problems = extract(extractor, rar5("hang.rar"), units);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(problems).singleElement().asString().contains("处理超时 3 秒");
        assertThat(took).isLessThan(Duration.ofSeconds(8));
        assertThat(anyMarking(units)).isFalse();
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().orElse("").contains(RarWorker.class.getName()))).isEmpty();
    }
}
