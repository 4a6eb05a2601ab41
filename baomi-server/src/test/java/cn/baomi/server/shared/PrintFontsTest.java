package cn.baomi.server.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import cn.baomi.server.shared.print.PdfSheet;
import cn.baomi.server.shared.print.PrintFonts;

/** The Chinese font of printed PDFs: found, embedded, and a clear refusal when there is none. */
class PrintFontsTest {

    @Test
    void withoutAChineseFontPrintingIsRefusedWithWhatToInstall() {
        PrintFonts none = new PrintFonts("/nonexistent/font.ttf");
        assertThat(none.file()).isEmpty();
        assertThatThrownBy(() -> PdfSheet.open(none, false, "x")).isInstanceOf(BusinessRuleViolation.class)
                .extracting(e -> ((BusinessRuleViolation) e).messageKey()).isEqualTo("print.noFont");
    }

    @Test
    void charactersTheFontLacksPrintAsQuestionMarks() throws Exception {
        PrintFonts fonts = new PrintFonts("");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PdfSheet pdf = PdfSheet.open(fonts, false, "测试")) {
            pdf.title("保密\u0007检查\uD83D\uDE00完毕");
            pdf.writeTo(out);
        }
        try (PDDocument document = Loader.loadPDF(out.toByteArray())) {
            assertThat(new PDFTextStripper().getText(document)).contains("保密?检查?完毕");
        }
    }
}
