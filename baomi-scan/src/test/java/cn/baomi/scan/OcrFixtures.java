package cn.baomi.scan;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Assumptions;

/**
 * Images of text drawn with a CJK font found on the machine (Debian: fonts-wqy-zenhei), PDFs made
 * only of such images, and a stand-in tesseract. Tests that need the real tesseract or a CJK font
 * are skipped locally when they are missing and fail under {@code CI=true} (.ci/run installs them).
 */
public final class OcrFixtures {

    private static final Set<String> LOGICAL = Set.of("Dialog", "DialogInput", "Monospaced", "Serif", "SansSerif");

    private OcrFixtures() {
    }

    /** Skips the test (fails it on CI) unless tesseract with chi_sim answers. */
    public static void requireTesseract() {
        require(Ocr.tesseract().problem() == null,
                "tesseract with chi_sim is not installed (apt-get install tesseract-ocr tesseract-ocr-chi-sim)");
    }

    private static void require(boolean present, String what) {
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI needs this, .ci/run installs it: " + what);
        }
        Assumptions.assumeTrue(present, what);
    }

    /** A font that has glyphs for the text (a real font file, not a Java logical font). */
    static Font cjkFont(String text) {
        for (Font f : GraphicsEnvironment.getLocalGraphicsEnvironment().getAllFonts()) {
            if (!LOGICAL.contains(f.getFamily()) && f.canDisplayUpTo(text) == -1) {
                return f;
            }
        }
        require(false, "no CJK font installed (apt-get install fonts-wqy-zenhei)");
        return null;
    }

    /** Black lines of text on white, 64 px characters, as a greyscale image. */
    public static BufferedImage image(String... lines) {
        Font font = cjkFont(String.join("", lines)).deriveFont(64f);
        BufferedImage img = new BufferedImage(1000, 80 + 110 * lines.length, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(font);
        for (int i = 0; i < lines.length; i++) {
            g.drawString(lines[i], 60, 110 + 110 * i);
        }
        g.dispose();
        return img;
    }

    public static byte[] png(String... lines) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image(lines), "png", out);
        return out.toByteArray();
    }

    /** A PDF whose only page is an image of the lines: no text layer, as a scanner makes it. */
    public static byte[] scannedPdf(String... lines) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            BufferedImage img = image(lines);
            PDImageXObject x = LosslessFactory.createFromImage(doc, img);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                float w = page.getMediaBox().getWidth() - 72;
                float h = w * img.getHeight() / img.getWidth();
                cs.drawImage(x, 36, page.getMediaBox().getHeight() - 36 - h, w, h);
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    /**
     * A stand-in for tesseract: answers {@code --list-langs} with chi_sim and eng, and for an image
     * runs {@code body} (a shell fragment; its output is the recognised text).
     */
    public static Path fakeTesseract(Path dir, String body) throws IOException {
        Path script = dir.resolve("fake-tesseract.sh");
        Files.writeString(script, "#!/bin/sh\n"
                + "if [ \"$1\" = \"--list-langs\" ]; then printf 'List of available languages (2):\\nchi_sim\\neng\\n'; exit 0; fi\n"
                + body + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }
}
