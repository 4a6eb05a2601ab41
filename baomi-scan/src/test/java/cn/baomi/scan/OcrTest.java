package cn.baomi.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OCR is off unless asked for; when on, images and image-only PDF pages are read by tesseract. */
class OcrTest {

    @TempDir
    Path dir;

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private static Scanner withOcr() {
        return Scanner.create(List.of(), Limits.defaults(), Ocr.tesseract());
    }

    @Test
    void markingInAnImageIsReadOnlyWithOcr() throws IOException {
        OcrFixtures.requireTesseract();
        Path png = write("扫描件.png", OcrFixtures.png("机密★5年", "关于某项工作的通知"));
        ScanResult off = Scanner.create().scanFile(png);
        assertThat(off.error()).isNull();
        assertThat(off.marking()).isNull();
        ScanResult on = withOcr().scanFile(png);
        assertThat(on.error()).isNull();
        assertThat(on.marking()).isEqualTo(Level.SECRET);
    }

    @Test
    void imageOnlyPdfPageIsReadOnlyWithOcr() throws IOException {
        OcrFixtures.requireTesseract();
        Path pdf = write("scan.pdf", OcrFixtures.scannedPdf("秘密★1年", "会议纪要"));
        assertThat(Scanner.create().scanFile(pdf).marking()).isNull();
        ScanResult on = withOcr().scanFile(pdf);
        assertThat(on.error()).isNull();
        assertThat(on.marking()).isEqualTo(Level.CONFIDENTIAL);
    }

    @Test
    void imageInsideAnArchiveIsReadWithOcrUnderItsInnerPath() throws IOException {
        Path fake = OcrFixtures.fakeTesseract(dir, "echo '机密★5年'; echo '正文'");
        Path zip = write("pack.zip", Fixtures.zip(Map.of("图片/page1.png", OcrFixtures.png("x"))));
        assertThat(Scanner.create().scanFile(zip).marking()).isNull();
        ScanResult r = Scanner.create(List.of(), Limits.defaults(), Ocr.tesseract().withCommand(fake.toString()))
                .scanFile(zip);
        assertThat(r.marking()).isEqualTo(Level.SECRET);
        assertThat(r.findings()).anySatisfy(f -> assertThat(f.location()).startsWith("图片/page1.png"));
    }

    @Test
    void pictureInADocxIsReadWithOcr() throws Exception {
        Path fake = OcrFixtures.fakeTesseract(dir, "echo '绝密★长期'");
        byte[] docx;
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(); var out = new java.io.ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText("正文");
            doc.createParagraph().createRun().addPicture(new java.io.ByteArrayInputStream(OcrFixtures.png("x")),
                    org.apache.poi.xwpf.usermodel.Document.PICTURE_TYPE_PNG, "scan.png",
                    org.apache.poi.util.Units.toEMU(200), org.apache.poi.util.Units.toEMU(60));
            doc.write(out);
            docx = out.toByteArray();
        }
        Path file = write("pasted.docx", docx);
        assertThat(Scanner.create().scanFile(file).marking()).isNull();
        ScanResult r = Scanner.create(List.of(), Limits.defaults(), Ocr.tesseract().withCommand(fake.toString()))
                .scanFile(file);
        assertThat(r.marking()).isEqualTo(Level.TOP_SECRET);
    }

    @Test
    void missingTesseractIsAClearErrorNotASilentSkip() {
        assertThatThrownBy(() -> Scanner.create(List.of(), Limits.defaults(),
                Ocr.tesseract().withCommand(dir.resolve("no-such-tesseract").toString())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("未找到文字识别程序").hasMessageContaining("tesseract-ocr-chi-sim");
    }

    @Test
    void missingChineseLanguageDataIsAClearError() throws IOException {
        Path engOnly = OcrFixtures.fakeTesseract(dir, "exit 0");
        Files.writeString(engOnly, "#!/bin/sh\necho 'List of available languages (1):'; echo eng\n");
        assertThat(Ocr.tesseract().withCommand(engOnly.toString()).problem()).contains("chi_sim");
    }

    @Test
    void recognitionThatHangsIsKilledAtTheTimeLimitAndTheScanGoesOn() throws IOException {
        Path hanging = OcrFixtures.fakeTesseract(dir, "exec sleep 60");
        Ocr ocr = Ocr.tesseract().withCommand(hanging.toString()).withTimePerImage(Duration.ofSeconds(1));
        Path png = write("a.png", OcrFixtures.png("x"));
        long start = System.nanoTime();
        ScanResult r = Scanner.create(List.of(), Limits.defaults(), ocr).scanFile(png);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(r.error()).contains("文字识别超过").contains("OCR time limit");
    }

    @Test
    void imagesAboveThePixelLimitAreNotRecognised() throws IOException {
        Path fake = OcrFixtures.fakeTesseract(dir, "echo '机密★5年'");
        Ocr ocr = Ocr.tesseract().withCommand(fake.toString()).withMaxPixels(10_000);
        ScanResult r = Scanner.create(List.of(), Limits.defaults(), ocr).scanFile(write("big.png", OcrFixtures.png("x")));
        assertThat(r.error()).contains("像素").contains("pixel limit");
        assertThat(r.marking()).isNull();
    }
}
