package cn.baomi.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RAR4 (junrar, in process) and RAR5 (7-Zip-JBinding, in a child JVM) archives, built by {@link RarFixtures}. */
class RarTest {

    private static Scanner scanner;
    @TempDir
    Path dir;

    @BeforeAll
    static void build() {
        scanner = Scanner.create();
    }

    private ScanResult scan(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return scanner.scanFile(file);
    }

    private static Map<String, byte[]> entries() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("readme.txt", "说明\n".getBytes(StandardCharsets.UTF_8));
        entries.put("公文/报告.docx", Fixtures.docx(null, null, null, "机密★5年", "联系电话 13800138000"));
        return entries;
    }

    @Test
    void rar4EntriesAreInspectedWithInnerPaths() throws IOException {
        ScanResult r = scan("a.rar", RarFixtures.rar4(entries(), false));
        assertThat(r.error()).isNull();
        assertThat(r.marking()).isEqualTo(Level.SECRET);
        assertThat(r.findings()).anySatisfy(f -> assertThat(f.location()).startsWith("公文/报告.docx"));
    }

    @Test
    void rar5EntriesAreInspectedWithInnerPaths() throws IOException {
        ScanResult r = scan("b.rar", RarFixtures.rar5(entries(), false));
        assertThat(r.error()).isNull();
        assertThat(r.marking()).isEqualTo(Level.SECRET);
        assertThat(r.findings()).anySatisfy(f -> assertThat(f.location()).startsWith("公文/报告.docx"))
                .extracting(Finding::rule).contains("mobile");
    }

    @Test
    void rar5IsReadInAChildProcessSoTheNativeLibraryNeverLoadsIntoTheScanningJvm() throws IOException {
        Path maps = Path.of("/proc/self/maps");
        Assumptions.assumeTrue(Files.isReadable(maps), "needs Linux /proc");
        ScanResult r = scan("native.rar", RarFixtures.rar5(entries(), false));
        assertThat(r.marking()).isEqualTo(Level.SECRET);
        assertThat(Files.readString(maps)).doesNotContain("7-Zip-JBinding");
    }

    @Test
    void rar5InsideAZipIsInspectedWithItsFullInnerPath() throws IOException {
        byte[] rar = RarFixtures.rar5(Map.of("x/秘密.txt", "秘密★1年\n正文\n".getBytes(StandardCharsets.UTF_8)), false);
        ScanResult r = scan("outer.zip", Fixtures.zip(Map.of("归档/inner.rar", rar)));
        assertThat(r.error()).isNull();
        assertThat(r.marking()).isEqualTo(Level.CONFIDENTIAL);
        assertThat(r.findings()).anySatisfy(f -> assertThat(f.location()).startsWith("归档/inner.rar!/x/秘密.txt"));
    }

    @Test
    void encryptedRar4EntryIsReportedAsEncrypted() throws IOException {
        ScanResult r = scan("enc4.rar", RarFixtures.rar4(Map.of("a.txt", "机密★5年\n".getBytes(StandardCharsets.UTF_8)), true));
        assertThat(r.error()).contains("加密").contains("encrypted");
        assertThat(r.marking()).isNull();
    }

    @Test
    void encryptedRar5EntryIsReportedAsEncryptedWithItsPath() throws IOException {
        ScanResult r = scan("enc5.rar", RarFixtures.rar5(Map.of("内/a.txt", "机密★5年\n".getBytes(StandardCharsets.UTF_8)), true));
        assertThat(r.error()).contains("加密").contains("内/a.txt");
        assertThat(r.marking()).isNull();
    }

    @Test
    void rar5WithEncryptedHeadersIsReportedAsEncrypted() throws IOException {
        ScanResult r = scan("hp.rar", RarFixtures.rar5EncryptedHeaders());
        assertThat(r.error()).contains("加密").contains("encrypted");
    }

    @Test
    void bytesExtractedFromRarEntriesAreChargedToTheExpansionBudget() throws IOException {
        // a zip holding RAR archives of incompressible data: the RAR entries' bytes come on top of
        // the zip entries' bytes, so a ratio of 1 trips while the RAR entries are being extracted
        Scanner strict = Scanner.create(java.util.List.of(), Limits.defaults().withExpansion(1, 1 << 16));
        byte[] noise = new byte[512 << 10];
        new java.util.Random(7).nextBytes(noise);
        for (byte[] rar : java.util.List.of(RarFixtures.rar4(Map.of("n.bin", noise), false),
                RarFixtures.rar5(Map.of("n.bin", noise), false))) {
            Path file = Files.write(dir.resolve("noise.zip"), Fixtures.zip(Map.of("a.rar", rar)));
            assertThat(strict.scanFile(file).error()).contains("expansion ratio exceeded");
        }
    }

    @Test
    void rarEntriesCountAgainstTheEntryLimit() throws IOException {
        Scanner strict = Scanner.create(java.util.List.of(), Limits.defaults().withMaxEntries(3));
        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i < 6; i++) {
            many.put("f" + i + ".txt", "正文\n".getBytes(StandardCharsets.UTF_8));
        }
        for (byte[] rar : java.util.List.of(RarFixtures.rar4(many, false), RarFixtures.rar5(many, false))) {
            Path file = Files.write(dir.resolve("many.rar"), rar);
            assertThat(strict.scanFile(file).error()).contains("条目数超过上限");
        }
    }

    @Test
    void nonRarBytesBehindARarSignatureAreReportedNotThrown() throws IOException {
        byte[] broken = java.util.Arrays.copyOf(RarFixtures.rar5(entries(), false), 60);
        assertThat(scan("broken5.rar", broken).error()).isNotNull();
        byte[] broken4 = java.util.Arrays.copyOf(RarFixtures.rar4(entries(), false), 60);
        assertThat(scan("broken4.rar", broken4).path()).endsWith("broken4.rar");
    }
}
