package cn.baomi.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile input is reported, never crashes a scan, never exhausts the 256 MB test heap. */
class HostileFilesTest {

    private static Scanner scanner;
    @TempDir
    Path dir;

    @BeforeAll
    static void build() {
        scanner = Scanner.create();
    }

    private Path write(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return file;
    }

    @Test
    void testsRunUnderA256MegabyteHeap() {
        assertThat(Runtime.getRuntime().maxMemory()).isLessThanOrEqualTo(300L << 20);
    }

    @Test
    void zipBombIsStoppedByTheLimits() throws IOException {
        Path bomb = write("bomb.zip", Fixtures.zipBomb(3, 100L << 20));
        assertThat(Files.size(bomb)).isLessThan(2L << 20);
        ScanResult r = scanner.scanFile(bomb);
        assertThat(r.error()).containsAnyOf("超过", "expansion", "limit");
    }

    @Test
    void zipBombIsStoppedByTheExpansionRatio() throws IOException {
        Scanner ratio = Scanner.create(List.of(), Limits.defaults().withMaxChars(1L << 40).withExpansion(100, 1L << 20));
        Path bomb = write("ratio.zip", Fixtures.zipBomb(2, 64L << 20));
        ScanResult r = ratio.scanFile(bomb);
        assertThat(r.error()).contains("expansion ratio exceeded");
    }

    @Test
    void corruptDocxIsReported() throws IOException {
        ScanResult r = scanner.scanFile(write("broken.docx", Fixtures.corruptDocx()));
        assertThat(r.error()).isNotNull();
    }

    @Test
    void encryptedPdfIsReportedAsEncrypted() throws IOException {
        ScanResult r = scanner.scanFile(write("secret.pdf", Fixtures.pdf("pw", "hidden text")));
        assertThat(r.error()).contains("加密").contains("encrypted");
    }

    @Test
    void encryptedDocxIsReportedAsEncrypted() throws IOException {
        ScanResult r = scanner.scanFile(write("secret.docx", Fixtures.encryptedDocx("pw")));
        assertThat(r.error()).contains("加密");
    }

    @Test
    void encryptedEntryInsideAnArchiveIsReportedWithItsPath() throws IOException {
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        entries.put("a/secret.pdf", Fixtures.pdf("pw", "hidden"));
        entries.put("b.txt", "秘密★1年\n".getBytes(StandardCharsets.UTF_8));
        ScanResult r = scanner.scanFile(write("mixed.zip", Fixtures.zip(entries)));
        assertThat(r.error()).contains("加密").contains("a/secret.pdf");
        assertThat(r.marking()).isEqualTo(Level.CONFIDENTIAL);
    }

    @Test
    void archivesNestedDeeperThanTheLimitAreReported() throws IOException {
        Path deep = write("deep.zip", Fixtures.nestedZip(9, "机密★5年\n正文"));
        ScanResult r = scanner.scanFile(deep);
        assertThat(r.error()).contains("嵌套超过");
        assertThat(r.marking()).isNull();
        Path shallow = write("shallow.zip", Fixtures.nestedZip(3, "机密★5年\n正文"));
        assertThat(scanner.scanFile(shallow).marking()).isEqualTo(Level.SECRET);
    }

    @Test
    void tooManyEntriesAreReported() throws IOException {
        Scanner strict = Scanner.create(List.of(), Limits.defaults().withMaxEntries(5));
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            entries.put("f" + i + ".txt", "x".getBytes(StandardCharsets.UTF_8));
        }
        ScanResult r = strict.scanFile(write("many.zip", Fixtures.zip(entries)));
        assertThat(r.error()).contains("条目数超过上限");
    }

    @Test
    void twoGigabyteSparseFileIsReportedNotRead() throws IOException {
        Path sparse = dir.resolve("huge.txt");
        try (RandomAccessFile f = new RandomAccessFile(sparse.toFile(), "rw")) {
            f.setLength(2L << 30);
        }
        long start = System.nanoTime();
        ScanResult r = scanner.scanFile(sparse);
        assertThat(r.error()).contains("超过上限");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void sparseFileBelowTheSizeLimitIsCutAtTheOutputLimit() throws IOException {
        Path sparse = dir.resolve("zeros.txt");
        try (RandomAccessFile f = new RandomAccessFile(sparse.toFile(), "rw")) {
            f.setLength(400L << 20);
        }
        ScanResult r = scanner.scanFile(sparse);
        assertThat(r.error()).contains("字符");
    }

    @Test
    void outputLimitKeepsWhatWasReadBeforeIt() throws IOException {
        Scanner small = Scanner.create(List.of(), Limits.defaults().withMaxChars(1000));
        StringBuilder sb = new StringBuilder("机密★5年\n");
        sb.append("正文。".repeat(2000));
        ScanResult r = small.scanFile(write("long.txt", sb.toString().getBytes(StandardCharsets.UTF_8)));
        assertThat(r.marking()).isEqualTo(Level.SECRET);
        assertThat(r.error()).contains("字符");
    }

    @Test
    void timeLimitStopsASlowFile() throws IOException {
        Scanner hasty = Scanner.create(List.of(), Limits.defaults().withTimePerFile(Duration.ZERO));
        ScanResult r = hasty.scanFile(write("slow.docx", Fixtures.docx(null, null, null, "正文")));
        assertThat(r.error()).contains("超时");
    }

    @Test
    void readThatBlocksIsAbandonedAtTheTimeLimit() throws Exception {
        Path fifo = dir.resolve("pipe.txt");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor()).isZero();
        Scanner hasty = Scanner.create(List.of(), Limits.defaults().withTimePerFile(Duration.ofSeconds(1)));
        long start = System.nanoTime();
        ScanResult r = hasty.scanFile(fifo);
        assertThat(r.error()).contains("已放弃");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        try (var writer = Files.newOutputStream(fifo)) {
            writer.write('x');
        }
    }

    @Test
    void randomBytesWithAnOfficeExtensionAreReported() throws IOException {
        byte[] noise = new byte[100_000];
        new java.util.Random(42).nextBytes(noise);
        noise[0] = 'P';
        noise[1] = 'K';
        noise[2] = 3;
        noise[3] = 4;
        ScanResult r = scanner.scanFile(write("noise.xlsx", noise));
        assertThat(r.path()).endsWith("noise.xlsx");
    }

    @Test
    void missingFileIsReported() {
        ScanResult r = scanner.scanFile(dir.resolve("absent.docx"));
        assertThat(r.error()).contains("无法读取");
    }
}
