package cn.baomi.server.shared.print;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import com.google.zxing.common.BitMatrix;

/**
 * A printable A4 document with the embedded Chinese font of {@link PrintFonts}: a title, lines of text, tables that
 * flow onto new pages (repeating their header), signature lines, and free placement of text and QR codes for
 * labels. Characters the font lacks print as "?". Every printed form (ledger, destruction list, labels, later the
 * personnel roster) is built with it; {@link #writeTo} saves it and {@link #close} releases font and document.
 */
public final class PdfSheet implements AutoCloseable {

    public static final float MARGIN = 40;
    private static final float LEADING = 1.45f;

    private final PDDocument document = new PDDocument();
    private final PrintFonts.Loaded font;
    private final PDRectangle size;
    private final java.util.Map<Integer, Boolean> glyphs = new java.util.HashMap<>();
    private PDPageContentStream out;
    private float y;
    private int pages;

    private PdfSheet(PrintFonts fonts, boolean landscape, String title) {
        this.size = landscape ? new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()) : PDRectangle.A4;
        try {
            this.font = fonts.load(document);
        } catch (RuntimeException e) {
            closeQuietly();
            throw e;
        }
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setCreator("Baomi");
    }

    public static PdfSheet open(PrintFonts fonts, boolean landscape, String title) {
        return new PdfSheet(fonts, landscape, title);
    }

    public PDType0Font font() {
        return font.font();
    }

    public float width() {
        return size.getWidth();
    }

    public float height() {
        return size.getHeight();
    }

    /** Starts a new page; flowing text continues at its top. */
    public PdfSheet newPage() {
        try {
            if (out != null) {
                out.close();
            }
            PDPage page = new PDPage(size);
            document.addPage(page);
            out = new PDPageContentStream(document, page);
            pages++;
            y = size.getHeight() - MARGIN;
            text(size.getWidth() - MARGIN - 60, MARGIN / 2, 8, "第 " + pages + " 页");
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public PdfSheet title(String text) {
        return flow(text, 16, MARGIN);
    }

    public PdfSheet line(String text) {
        return flow(text, 10, MARGIN);
    }

    /** A table: relative column widths, a header row repeated on every page, cells wrapped to their width. */
    public PdfSheet table(float[] widths, List<String> headers, Iterable<List<String>> rows) {
        float total = 0;
        for (float w : widths) {
            total += w;
        }
        float[] columns = new float[widths.length];
        for (int i = 0; i < widths.length; i++) {
            columns[i] = widths[i] / total * (size.getWidth() - 2 * MARGIN);
        }
        row(columns, headers, true);
        for (List<String> row : rows) {
            if (!row(columns, row, false)) {
                newPage();
                row(columns, headers, true);
                row(columns, row, false);
            }
        }
        y -= 6;
        return this;
    }

    /** Lines to sign on, e.g. 销毁人、监销人: each label followed by a line and a date line. */
    public PdfSheet signatures(List<String> labels) {
        ensure(labels.size() * 30 + 10);
        y -= 10;
        for (String label : labels) {
            y -= 30;
            text(MARGIN, y, 11, label + "（签字）：");
            rule(MARGIN + 110, y - 2, MARGIN + 280);
            text(MARGIN + 300, y, 11, "日期：");
            rule(MARGIN + 340, y - 2, MARGIN + 460);
        }
        return this;
    }

    /** Text at a place of the current page; {@code y} is the baseline, from the bottom. */
    public PdfSheet text(float x, float baseline, float fontSize, String text) {
        try {
            out.beginText();
            out.setFont(font.font(), fontSize);
            out.newLineAtOffset(x, baseline);
            out.showText(printable(text));
            out.endText();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A QR code of {@code side} points whose lower left corner is at (x, y), drawn as vector squares. */
    public PdfSheet qr(String content, float x, float bottom, float side) {
        BitMatrix matrix = QrCodes.encode(content);
        float cell = side / matrix.getWidth();
        try {
            for (int row = 0; row < matrix.getHeight(); row++) {
                for (int col = 0; col < matrix.getWidth(); col++) {
                    if (matrix.get(col, row)) {
                        out.addRect(x + col * cell, bottom + side - (row + 1) * cell, cell, cell);
                    }
                }
            }
            out.fill();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A thin frame, for cutting labels apart. */
    public PdfSheet frame(float x, float bottom, float w, float h) {
        try {
            out.setLineWidth(0.3f);
            out.addRect(x, bottom, w, h);
            out.stroke();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void writeTo(OutputStream target) {
        try {
            if (out == null) {
                newPage();
            }
            out.close();
            out = null;
            document.save(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        closeQuietly();
    }

    private PdfSheet flow(String text, float fontSize, float x) {
        float lineHeight = fontSize * LEADING;
        for (String part : wrap(text, fontSize, size.getWidth() - x - MARGIN)) {
            ensure(lineHeight);
            y -= lineHeight;
            text(x, y, fontSize, part);
        }
        y -= fontSize * 0.4f;
        return this;
    }

    /** Draws one table row if it fits on the page; false when a new page is needed first. */
    private boolean row(float[] columns, List<String> cells, boolean header) {
        float fontSize = header ? 9.5f : 9;
        float lineHeight = fontSize * 1.35f;
        List<List<String>> wrapped = new java.util.ArrayList<>();
        int lines = 1;
        for (int i = 0; i < columns.length; i++) {
            List<String> cell = wrap(i < cells.size() && cells.get(i) != null ? cells.get(i) : "", fontSize,
                    columns[i] - 6);
            wrapped.add(cell);
            lines = Math.max(lines, cell.size());
        }
        float height = lines * lineHeight + 6;
        if (out == null) {
            newPage();
        }
        if (y - height < MARGIN) {
            return false;
        }
        float x = MARGIN;
        for (int i = 0; i < columns.length; i++) {
            frame(x, y - height, columns[i], height);
            float baseline = y - 3 - fontSize;
            for (String part : wrapped.get(i)) {
                text(x + 3, baseline, fontSize, part);
                baseline -= lineHeight;
            }
            x += columns[i];
        }
        y -= height;
        return true;
    }

    private void ensure(float height) {
        if (out == null || y - height < MARGIN) {
            newPage();
        }
    }

    private void rule(float x1, float baseline, float x2) {
        try {
            out.setLineWidth(0.5f);
            out.moveTo(x1, baseline);
            out.lineTo(x2, baseline);
            out.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Splits text into lines no wider than {@code width}, character by character (Chinese has no spaces). */
    List<String> wrap(String text, float fontSize, float width) {
        List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        float used = 0;
        String safe = printable(text == null ? "" : text.replace('\r', ' ').replace('\t', ' '));
        for (int i = 0; i < safe.length(); ) {
            int cp = safe.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            i += ch.length();
            if (cp == '\n') {
                lines.add(line.toString());
                line.setLength(0);
                used = 0;
                continue;
            }
            float w = widthOf(ch) * fontSize / 1000;
            if (used + w > width && !line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
                used = 0;
            }
            line.append(ch);
            used += w;
        }
        lines.add(line.toString());
        return lines;
    }

    private float widthOf(String ch) {
        try {
            return font.font().getStringWidth(ch);
        } catch (IOException | IllegalArgumentException e) {
            return 1000;
        }
    }

    /**
     * The text with every character the font cannot show replaced by "?", and every alias of the font (a radical such
     * as ⻚) by the character that shares its glyph (页), which is what the PDF then reads back as.
     */
    private String printable(String text) {
        StringBuilder safe = new StringBuilder(text.length());
        text.codePoints().map(cp -> font.aliases().getOrDefault(cp, cp))
                .forEach(cp -> safe.appendCodePoint(cp == '\n' || shows(cp) ? cp : '?'));
        return safe.toString();
    }

    private boolean shows(int codePoint) {
        return !Character.isISOControl(codePoint) && glyphs.computeIfAbsent(codePoint, cp -> {
            try {
                font.font().encode(new String(Character.toChars(cp)));
                return true;
            } catch (IOException | IllegalArgumentException e) {
                return false;
            }
        });
    }

    private void closeQuietly() {
        try {
            if (out != null) {
                out.close();
            }
        } catch (IOException | RuntimeException ignored) {
            // closing after a failure
        }
        try {
            document.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
        try {
            if (font != null && font.source() != null) {
                font.source().close();
            }
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
