package cn.baomi.server.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.CIDFontMapping;
import org.apache.pdfbox.pdmodel.font.FontMapper;
import org.apache.pdfbox.pdmodel.font.FontMappers;
import org.apache.pdfbox.pdmodel.font.FontMapping;
import org.apache.pdfbox.pdmodel.font.PDCIDSystemInfo;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.fontbox.FontBoxFont;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.baomi.server.shared.print.PdfSheet;
import cn.baomi.server.shared.print.PrintFonts;

/**
 * The Chinese font of printed PDFs (docs/decisions/printing.md): the bundled Noto Sans SC needs no font on the
 * machine, is embedded as a subset and draws real glyphs; baomi.print.font replaces it; a configured font that is
 * not there is refused with its path.
 */
class PrintFontsTest {

    /** Common and rarer characters (喆, 堃 are outside GB 2312 but common in names), full-width marks, Latin. */
    static final String TEXT = "涉密载体台账：机密★10年（张喆、李堃）；销毁清单 No. A-2026-001。";

    @Test
    void theBundledFontPrintsChineseOnAMachineWithoutSystemFonts() throws Exception {
        List<String> lookedUp = new ArrayList<>();
        FontMapper system = FontMappers.instance();
        FontMappers.set(new NoSystemFonts(lookedUp));
        try {
            byte[] pdf = print(new PrintFonts(""), TEXT);
            try (PDDocument document = Loader.loadPDF(pdf)) {
                assertThat(new PDFTextStripper().getText(document)).contains(TEXT).doesNotContain("?");
                PDType0Font font = onlyFont(document);
                assertThat(font.getName()).matches("[A-Z]{6}\\+NotoSansSC-Regular");
                assertThat(font.getDescendantFont().getFontDescriptor().getFontFile2()).isNotNull();
                assertThat(glyphIds(document)).hasSizeGreaterThanOrEqualTo(TEXT.length()).doesNotContain(0);
                BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 150, ImageType.GRAY);
                assertThat(darkPixels(page)).as("ink of %s characters", TEXT.length()).isGreaterThan(30 * TEXT.length());
            }
        } finally {
            FontMappers.set(system);
        }
        assertThat(lookedUp).as("system fonts looked up").isEmpty();
    }

    @Test
    void printedTextReadsBackAsTypedWhereARadicalSharesTheIdeographsGlyph() throws Exception {
        String shared = "第一页：大门、长车、日月／人工";
        try (PDDocument document = Loader.loadPDF(print(new PrintFonts(""), shared))) {
            assertThat(new PDFTextStripper().getText(document)).contains(shared).contains("第 1 页");
        }
        // the Kangxi radicals ⼀ ⼈ and the supplement's ⻚ ⻔, as text copied from other PDFs often carries them
        try (PDDocument document = Loader.loadPDF(print(new PrintFonts(""), "第⼀⻚：⼈⻔"))) {
            assertThat(new PDFTextStripper().getText(document)).contains("第一页：人门");
            assertThat(glyphIds(document)).doesNotContain(0);
        }
    }

    @Test
    void aConfiguredFontReplacesTheBundledOne(@TempDir Path dir) throws Exception {
        Path own = dir.resolve("own.ttf");
        try (TrueTypeFont bundled = bundledFont(); OutputStream out = Files.newOutputStream(own)) {
            TTFSubsetter subsetter = new TTFSubsetter(bundled);
            subsetter.setPrefix("OWNFNT");
            "台账机密?".codePoints().forEach(subsetter::add);
            subsetter.writeToStream(out);
        }
        try (PDDocument document = Loader.loadPDF(print(new PrintFonts(own.toString()), "台账（机密）"))) {
            assertThat(onlyFont(document).getName()).contains("OWNFNT");
            assertThat(new PDFTextStripper().getText(document)).contains("台账?机密?");
        }
    }

    @Test
    void aConfiguredFontThatIsNotThereIsRefusedNamingThePath() {
        PrintFonts missing = new PrintFonts("/nonexistent/font.ttf");
        assertThatThrownBy(() -> PdfSheet.open(missing, false, "x")).isInstanceOfSatisfying(
                BusinessRuleViolation.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("print.noFont");
                    assertThat(e.arguments()).containsExactly("/nonexistent/font.ttf");
                });
    }

    @Test
    void aConfiguredFileThatIsNoFontIsRefused(@TempDir Path dir) throws Exception {
        Path notAFont = Files.writeString(dir.resolve("font.ttf"), "not a font");
        assertThatThrownBy(() -> PdfSheet.open(new PrintFonts(notAFont.toString()), false, "x"))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        e -> assertThat(e.messageKey()).isEqualTo("print.badFont"));
    }

    @Test
    void charactersTheFontLacksPrintAsQuestionMarks() throws Exception {
        try (PDDocument document = Loader.loadPDF(print(new PrintFonts(""), "保密\u0007检查\uD83D\uDE00完毕"))) {
            assertThat(new PDFTextStripper().getText(document)).contains("保密?检查?完毕");
        }
    }

    private static byte[] print(PrintFonts fonts, String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PdfSheet pdf = PdfSheet.open(fonts, false, "测试")) {
            pdf.line(text);
            pdf.writeTo(out);
        }
        return out.toByteArray();
    }

    private static TrueTypeFont bundledFont() throws IOException {
        try (InputStream in = PrintFonts.class.getClassLoader().getResourceAsStream("fonts/NotoSansSC-Regular.ttf")) {
            assertThat(in).as("bundled font on the class path").isNotNull();
            return new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
        }
    }

    private static PDType0Font onlyFont(PDDocument document) throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        for (PDPage page : document.getPages()) {
            for (COSName name : page.getResources().getFontNames()) {
                fonts.add(page.getResources().getFont(name));
            }
        }
        assertThat(fonts).hasSize(1).first().isInstanceOf(PDType0Font.class);
        assertThat(fonts.get(0).isEmbedded()).isTrue();
        return (PDType0Font) fonts.get(0);
    }

    /** The glyph of every character shown: 0 would be .notdef, drawn as an empty box. */
    private static List<Integer> glyphIds(PDDocument document) throws IOException {
        List<Integer> gids = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition text) {
                for (int code : text.getCharacterCodes()) {
                    try {
                        gids.add(((PDType0Font) text.getFont()).codeToGID(code));
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
                super.processTextPosition(text);
            }
        };
        stripper.getText(document);
        return gids;
    }

    private static int darkPixels(BufferedImage image) {
        int dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xff) < 128) {
                    dark++;
                }
            }
        }
        return dark;
    }

    /** A machine without fonts: notes every lookup, and finds nothing. */
    private record NoSystemFonts(List<String> lookedUp) implements FontMapper {

        @Override
        public FontMapping<TrueTypeFont> getTrueTypeFont(String baseFont, PDFontDescriptor descriptor) {
            throw refuse(baseFont);
        }

        @Override
        public FontMapping<FontBoxFont> getFontBoxFont(String baseFont, PDFontDescriptor descriptor) {
            throw refuse(baseFont);
        }

        @Override
        public CIDFontMapping getCIDFont(String baseFont, PDFontDescriptor descriptor, PDCIDSystemInfo info) {
            throw refuse(baseFont);
        }

        private UnsupportedOperationException refuse(String baseFont) {
            lookedUp.add(baseFont);
            return new UnsupportedOperationException("no system fonts here: " + baseFont);
        }
    }
}
