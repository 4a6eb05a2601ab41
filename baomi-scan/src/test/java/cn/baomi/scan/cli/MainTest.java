package cn.baomi.scan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void exitCodeIsZeroWhenNothingIsFound() throws IOException {
        file("clean.txt", "普通的工作总结。\n");
        assertThat(run("--no-progress", dir.toString()).exit()).isEqualTo(0);
    }

    @Test
    void exitCodeIsOneWhenSomethingIsFound() throws IOException {
        file("clean.txt", "普通的工作总结。\n");
        file("sub/marked.txt", "秘密★1年\n正文\n");
        Run r = run(dir.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("【秘密】").contains("密级标志 [秘密]").contains("marked.txt")
                .doesNotContain("clean.txt");
    }

    @Test
    void exitCodeIsTwoForUnreadableFilesAndWrongArguments() throws IOException {
        file("marked.txt", "秘密★1年\n");
        assertThat(run(dir.resolve("marked.txt").toString(), dir.resolve("missing.txt").toString()).exit()).isEqualTo(2);
        assertThat(run("--format", "xml", dir.toString()).exit()).isEqualTo(2);
        assertThat(run("--threads", "0", dir.toString()).exit()).isEqualTo(2);
        Run none = run();
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("缺少要检查的路径");
    }

    @Test
    void helpIsChineseFirstAndExitsZero() {
        Run r = run("--help");
        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.out()).startsWith("用法").contains("--keywords").contains("--format");
    }

    @SuppressWarnings("unchecked")
    @Test
    void jsonlWritesExactlyOneObjectPerTopLevelFile() throws IOException {
        file("a.txt", "机密★5年\n电话 13800138000\n");
        file("b.txt", "无内容\n");
        Path zip = dir.resolve("c.zip");
        Files.write(zip, cn.baomi.scan.Fixtures.zip(Map.of("x.txt", "绝密★长期\n".getBytes(StandardCharsets.UTF_8),
                "y.txt", "内部\n".getBytes(StandardCharsets.UTF_8))));
        Run r = run("--format", "jsonl", "--threads", "2", dir.toString());
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(3);
        for (String line : lines) {
            Map<String, Object> o = (Map<String, Object>) Json.parse(line);
            assertThat(o).containsKeys("path", "marking", "confidence", "findings", "error");
            if (((String) o.get("path")).endsWith("c.zip")) {
                assertThat(o.get("marking")).isEqualTo("TOP_SECRET");
            }
            if (((String) o.get("path")).endsWith("a.txt")) {
                List<Map<String, Object>> findings = (List<Map<String, Object>>) o.get("findings");
                assertThat(findings).allSatisfy(f -> assertThat(f).containsKeys("rule", "category", "text", "location",
                        "snippet"));
                assertThat(findings).extracting(f -> f.get("rule")).contains("marking", "mobile");
            }
        }
    }

    @Test
    void keywordsFromDictionaryFilesAreReported() throws IOException {
        Path dict = file("words.txt", "演习\t军事\t2\n");
        file("doc.txt", "明日举行联合演习。\n");
        Run r = run("--keywords", dict.toString(), "--format", "jsonl", dir.resolve("doc.txt").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("\"rule\":\"keyword\"").contains("\"category\":\"军事\"");
    }

    @Test
    void htmlReportIsSelfContainedAndEscaped() throws IOException {
        file("<script>.txt", "机密★5年\n<b>正文</b>\n");
        Path out = dir.resolve("report.html");
        Run r = run("--format", "html", "--output", out.toString(), dir.resolve("<script>.txt").toString());
        assertThat(r.exit()).isEqualTo(1);
        String html = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(html).contains("保密检查报告").contains("机密").contains("&lt;script&gt;.txt")
                .doesNotContain("<script>").doesNotContain("http://").doesNotContain("https://");
    }

    @Test
    void htmlReportListsAtMostTwoHundredFindingsPerFile() throws IOException {
        file("many.txt", "电话 13800138000\n".repeat(300));
        Path out = dir.resolve("many.html");
        run("--format", "html", "--output", out.toString(), dir.resolve("many.txt").toString());
        String html = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(html).contains("另有 100 处未列出");
    }

    @Test
    void incrementalModeReusesResultsOfUnchangedFiles() throws IOException {
        Path cache = dir.resolve("cache/scan.tsv");
        Path docs = Files.createDirectories(dir.resolve("docs"));
        Path a = file("docs/a.txt", "机密★5年\n");
        file("docs/b.txt", "正文\n");
        Run first = run("--cache", cache.toString(), docs.toString());
        assertThat(first.exit()).isEqualTo(1);
        assertThat(cache).exists();
        Run second = run("--cache", cache.toString(), docs.toString());
        assertThat(second.exit()).isEqualTo(1);
        assertThat(second.out()).contains("【机密】").contains("2 个未改变沿用缓存");
        Files.writeString(a, "正文已修改，不再有标志\n", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(a, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
        Run third = run("--cache", cache.toString(), docs.toString());
        assertThat(third.exit()).isEqualTo(0);
        assertThat(third.out()).contains("1 个未改变沿用缓存");
    }

    @Test
    void incrementalModeRescansAFileRewrittenWithItsSizeAndTimeRestored() throws IOException {
        Path cache = dir.resolve("cache/scan.tsv");
        Path a = file("docs/a.txt", "正文一二三四\n");
        java.nio.file.attribute.FileTime time = Files.getLastModifiedTime(a);
        assertThat(run("--cache", cache.toString(), a.toString()).exit()).isEqualTo(0);
        Files.writeString(a, "机密★5年\n", StandardCharsets.UTF_8); // same number of bytes
        Files.setLastModifiedTime(a, time);
        Run second = run("--cache", cache.toString(), a.toString());
        assertThat(second.exit()).isEqualTo(1);
        assertThat(second.out()).contains("【机密】").doesNotContain("沿用缓存");
    }

    @Test
    void cacheFileIsReadableByItsOwnerOnly() throws IOException {
        Path cache = dir.resolve("private/scan.tsv");
        file("docs/a.txt", "机密★5年\n");
        run("--cache", cache.toString(), dir.resolve("docs").toString());
        assertThat(Files.getPosixFilePermissions(cache)).containsExactlyInAnyOrder(
                java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        assertThat(Files.getPosixFilePermissions(cache.getParent()))
                .doesNotContain(java.nio.file.attribute.PosixFilePermission.OTHERS_READ);
    }

    @Test
    void ocrOptionReadsImagesThatAreSkippedWithoutIt() throws IOException {
        Path fake = cn.baomi.scan.OcrFixtures.fakeTesseract(Files.createDirectories(dir.resolve("bin")),
                "echo '机密★5年'");
        Path docs = Files.createDirectories(dir.resolve("docs"));
        Files.write(docs.resolve("scan.png"), cn.baomi.scan.OcrFixtures.png("x"));
        assertThat(run("--format", "jsonl", docs.toString()).exit()).isEqualTo(0);
        Run on = run("--format", "jsonl", "--tesseract", fake.toString(), docs.toString());
        assertThat(on.exit()).isEqualTo(1);
        assertThat(on.out()).contains("\"marking\":\"SECRET\"");
    }

    @Test
    void ocrWithoutTesseractIsAnErrorNamingWhatToInstall() throws IOException {
        file("a.txt", "正文\n");
        Run r = run("--ocr", "--tesseract", dir.resolve("no-such-tesseract").toString(), dir.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("未找到文字识别程序").contains("tesseract-ocr-chi-sim");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void progressLineShowsFilesThroughputAndEta() throws IOException {
        file("a.txt", "正文\n");
        Run r = run("--progress", dir.toString());
        assertThat(r.err()).contains("已检查 1/1 个文件").contains("MB/s").contains("预计剩余");
    }
}
