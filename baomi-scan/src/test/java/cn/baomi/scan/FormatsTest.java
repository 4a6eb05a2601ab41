package cn.baomi.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every supported format, end to end through the public API. */
class FormatsTest {

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

    @Test
    void plainTextInUtf8GbkGb18030AndUtf16IsDecoded() throws IOException {
        String text = "机密★5年\n关于某项工作的通知\n";
        assertThat(scan("a.txt", text.getBytes(StandardCharsets.UTF_8)).marking()).isEqualTo(Level.SECRET);
        assertThat(scan("b.txt", text.getBytes(Charset.forName("GBK"))).marking()).isEqualTo(Level.SECRET);
        assertThat(scan("c.txt", text.getBytes(Charset.forName("GB18030"))).marking()).isEqualTo(Level.SECRET);
        assertThat(scan("d.txt", text.getBytes(StandardCharsets.UTF_16LE)).marking()).isEqualTo(Level.SECRET);
        assertThat(scan("e.txt", text.getBytes(StandardCharsets.UTF_16)).marking()).isEqualTo(Level.SECRET);
    }

    @Test
    void docxHeaderIsInspected() throws IOException {
        ScanResult r = scan("h.docx", Fixtures.docx("秘密★6个月", null, null, "正文一", "正文二"));
        assertThat(r.error()).isNull();
        assertThat(r.marking()).isEqualTo(Level.CONFIDENTIAL);
    }

    @Test
    void docxFooterIsInspected() throws IOException {
        String[] body = new String[12];
        for (int i = 0; i < body.length; i++) {
            body[i] = "正文段落" + i;
        }
        ScanResult r = scan("f.docx", Fixtures.docx(null, "秘密", null, body));
        assertThat(r.marking()).isEqualTo(Level.CONFIDENTIAL);
    }

    @Test
    void docxFirstTableCellIsInspected() throws IOException {
        ScanResult r = scan("t.docx", Fixtures.docx(null, null, "密级：机密", "正文"));
        assertThat(r.marking()).isEqualTo(Level.SECRET);
    }

    @Test
    void docxCustomPropertyMarkingIsInspected() throws IOException {
        byte[] bytes;
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(); var out = new java.io.ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText("正文");
            doc.getProperties().getCustomProperties().addProperty("密级", "机密");
            doc.write(out);
            bytes = out.toByteArray();
        }
        assertThat(scan("prop.docx", bytes).marking()).isEqualTo(Level.SECRET);
    }

    @Test
    void pptxSlidesAreInspected() throws IOException {
        byte[] bytes;
        try (var show = new org.apache.poi.xslf.usermodel.XMLSlideShow(); var out = new java.io.ByteArrayOutputStream()) {
            var box = show.createSlide().createTextBox();
            box.setText("绝密★长期");
            show.write(out);
            bytes = out.toByteArray();
        }
        assertThat(scan("s.pptx", bytes).marking()).isEqualTo(Level.TOP_SECRET);
    }

    @Test
    void pptAndDpsWithPptContentAreInspected() throws IOException {
        byte[] bytes;
        try (var show = new org.apache.poi.hslf.usermodel.HSLFSlideShow(); var out = new java.io.ByteArrayOutputStream()) {
            var box = show.createSlide().createTextBox();
            box.setText("秘密★6个月");
            show.write(out);
            bytes = out.toByteArray();
        }
        assertThat(scan("old.ppt", bytes).marking()).isEqualTo(Level.CONFIDENTIAL);
        assertThat(scan("演示.dps", bytes).marking()).isEqualTo(Level.CONFIDENTIAL);
    }

    @Test
    void docxCommentsAreInspected() throws IOException {
        byte[] bytes;
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(); var out = new java.io.ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText("正文");
            var comment = doc.createComments().createComment(java.math.BigInteger.ONE);
            comment.setAuthor("审核人");
            comment.createParagraph().createRun().setText("请联系 13800138000");
            doc.write(out);
            bytes = out.toByteArray();
        }
        assertThat(scan("c.docx", bytes).findings()).extracting(Finding::rule).contains("mobile");
    }

    @Test
    void xlsxCellsAreInspected() throws IOException {
        ScanResult r = scan("s.xlsx", Fixtures.xlsx(new String[][] {{"绝密★长期", "备注"}, {"联系人", "13800138000"}}));
        assertThat(r.marking()).isEqualTo(Level.TOP_SECRET);
        assertThat(r.findings()).extracting(Finding::rule).contains("mobile");
    }

    @Test
    void pdfTextIsInspected() throws IOException {
        ScanResult r = scan("p.pdf", Fixtures.pdf(null, "Contact 13800138000", "ID 11010519491231002X"));
        assertThat(r.error()).isNull();
        assertThat(r.findings()).extracting(Finding::rule).contains("mobile", "resident-id");
    }

    @Test
    void htmlIsInspectedWithoutItsMarkup() throws IOException {
        String html = "<html><head><style>p{}</style></head><body><p>内部事项 注意保管</p><p>正文</p></body></html>";
        ScanResult r = scan("x.html", html.getBytes(StandardCharsets.UTF_8));
        assertThat(r.marking()).isEqualTo(Level.INTERNAL);
    }

    @Test
    void rtfIsInspected() throws IOException {
        String rtf = "{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\fnil\\fcharset134 SimSun;}}\\f0\\uc1 "
                + "\\u26426?\\u23494?\\u9733?5\\u24180?\\par body\\par}";
        ScanResult r = scan("r.rtf", rtf.getBytes(StandardCharsets.US_ASCII));
        assertThat(r.marking()).isEqualTo(Level.SECRET);
    }

    @Test
    void emailBodyAndAttachmentsAreInspectedWithInnerPaths() throws IOException {
        String attachment = Base64.getMimeEncoder().encodeToString("机密★5年\n附件内容\n".getBytes(StandardCharsets.UTF_8));
        String eml = "From: a@example.cn\r\nTo: b@example.cn\r\nSubject: test\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=XYZ\r\n\r\n--XYZ\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n请查收 13800138000\r\n--XYZ\r\n"
                + "Content-Type: text/plain; charset=UTF-8; name=\"fujian.txt\"\r\n"
                + "Content-Disposition: attachment; filename=\"fujian.txt\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + attachment + "\r\n--XYZ--\r\n";
        ScanResult r = scan("m.eml", eml.getBytes(StandardCharsets.UTF_8));
        assertThat(r.marking()).isEqualTo(Level.SECRET);
        assertThat(r.findings()).anySatisfy(f -> assertThat(f.location()).startsWith("fujian.txt"));
    }

    @Test
    void archivesAreInspectedRecursivelyWithInnerPaths() throws IOException {
        Map<String, byte[]> inner = new LinkedHashMap<>();
        inner.put("docs/报告.docx", Fixtures.docx(null, null, null, "机密★5年", "正文"));
        byte[] innerZip = Fixtures.zip(inner);
        Map<String, byte[]> outer = new LinkedHashMap<>();
        outer.put("readme.txt", "说明".getBytes(StandardCharsets.UTF_8));
        outer.put("inner.zip", innerZip);
        ScanResult r = scan("outer.zip", Fixtures.zip(outer));
        assertThat(r.error()).isNull();
        assertThat(r.marking()).isEqualTo(Level.SECRET);
        assertThat(r.findings()).anySatisfy(f -> assertThat(f.location()).startsWith("inner.zip!/docs/报告.docx"));
    }

    @Test
    void markingInAnInnerFileNameIsDetected() throws IOException {
        ScanResult r = scan("pack.zip", Fixtures.zip(Map.of("（机密）关于项目.txt", "正文".getBytes(StandardCharsets.UTF_8))));
        assertThat(r.marking()).isEqualTo(Level.SECRET);
    }

    @Test
    void tarGzArchivesAreInspected() throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (var gz = new org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream(bytes);
             var tar = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(gz)) {
            byte[] content = "秘密★1年\n正文".getBytes(StandardCharsets.UTF_8);
            var entry = new org.apache.commons.compress.archivers.tar.TarArchiveEntry("dir/a.txt");
            entry.setSize(content.length);
            tar.putArchiveEntry(entry);
            tar.write(content);
            tar.closeArchiveEntry();
        }
        ScanResult r = scan("a.tar.gz", bytes.toByteArray());
        assertThat(r.marking()).isEqualTo(Level.CONFIDENTIAL);
    }

    @Test
    void sevenZipArchivesAreInspected() throws IOException {
        Path file = dir.resolve("a.7z");
        try (var out = new org.apache.commons.compress.archivers.sevenz.SevenZOutputFile(file.toFile())) {
            byte[] content = "绝密★长期\n正文".getBytes(StandardCharsets.UTF_8);
            var entry = out.createArchiveEntry(dir.toFile(), "x.txt");
            entry.setDirectory(false);
            out.putArchiveEntry(entry);
            out.write(content);
            out.closeArchiveEntry();
        }
        assertThat(scanner.scanFile(file).marking()).isEqualTo(Level.TOP_SECRET);
    }

    @Test
    void ofdTextCodesAreInspectedLineByLine() throws IOException {
        ScanResult r = scan("公文.ofd", Fixtures.ofd("000123", "机密★5年", "关于某项工作的通知", "联系电话 13800138000"));
        assertThat(r.error()).isNull();
        assertThat(r.marking()).isEqualTo(Level.SECRET);
        assertThat(r.findings()).extracting(Finding::rule).contains("mobile");
    }

    @Test
    void xlsAndEtWithXlsContentAreInspected() throws IOException {
        byte[] xls = Fixtures.xls(new String[][] {{"秘密★1年"}, {"正文"}});
        assertThat(scan("a.xls", xls).marking()).isEqualTo(Level.CONFIDENTIAL);
        assertThat(scan("b.et", xls).marking()).isEqualTo(Level.CONFIDENTIAL);
    }

    @Test
    void wpsFileWithDocxContentIsInspected() throws IOException {
        ScanResult r = scan("文件.wps", Fixtures.docx(null, null, null, "机密★5年", "正文"));
        assertThat(r.marking()).isEqualTo(Level.SECRET);
    }

    @Test
    void streamsAndTextsGiveTheSameResultsAsFiles() throws IOException {
        byte[] docx = Fixtures.docx(null, null, null, "机密★5年", "电话 13800138000");
        ScanResult file = scan("same.docx", docx);
        ScanResult stream = scanner.scanStream("same.docx", new ByteArrayInputStream(docx));
        assertThat(stream.marking()).isEqualTo(file.marking());
        assertThat(stream.findings()).isEqualTo(file.findings());
        ScanResult text = scanner.scanText("", "机密★5年\n电话 13800138000\n");
        assertThat(text.marking()).isEqualTo(Level.SECRET);
        assertThat(text.findings()).extracting(Finding::rule).containsExactly("marking", "mobile");
    }

    @Test
    void docxTextBoxIsInspectedAsAProminentZone() throws IOException {
        String[] body = new String[12];
        for (int i = 0; i < body.length; i++) {
            body[i] = "正文段落" + i;
        }
        // a level alone on its line deep in the body counts only in a prominent zone such as a text box
        ScanResult r = scan("box.docx", Fixtures.docxWithTextBox("秘密", 8, body));
        assertThat(r.error()).isNull();
        assertThat(r.marking()).isEqualTo(Level.CONFIDENTIAL);
        assertThat(r.findings()).anySatisfy(f -> assertThat(f.location()).endsWith("(text_box)"));
        ScanResult plain = scan("plain.docx", Fixtures.docx(null, null, null, body));
        assertThat(plain.marking()).isNull();
    }

    private static byte[] legacyDoc() throws IOException {
        try (var in = FormatsTest.class.getResourceAsStream("/fixtures/legacy.doc")) {
            return in.readAllBytes();
        }
    }

    @Test
    void legacyWordDocIsInspected() throws IOException {
        ScanResult r = scan("legacy.doc", legacyDoc());
        assertThat(r.error()).isNull();
        assertThat(r.marking()).isEqualTo(Level.SECRET);
        assertThat(r.findings()).extracting(Finding::rule).contains("mobile");
    }

    @Test
    void wpsFileWithWord97ContentEditedByHwpfIsInspected() throws IOException {
        byte[] bytes;
        try (var doc = new org.apache.poi.hwpf.HWPFDocument(new ByteArrayInputStream(legacyDoc()));
             var out = new java.io.ByteArrayOutputStream()) {
            doc.getRange().replaceText("机密★5年", "绝密★长期");
            doc.write(out);
            bytes = out.toByteArray();
        }
        ScanResult r = scan("旧文件.wps", bytes);
        assertThat(r.error()).isNull();
        assertThat(r.marking()).isEqualTo(Level.TOP_SECRET);
    }
}
