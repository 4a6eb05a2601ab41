package cn.baomi.server.personnel;

import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.baomi.server.shared.print.PdfSheet;
import cn.baomi.server.shared.print.PrintFonts;

/**
 * The printable commitment form (保密承诺书) as a PDF from the template texts of the message bundle, with the shared
 * {@link PdfSheet} and its embedded Chinese font: title, who signs, the commitments, a signature and date line.
 * The same texts as the printable HTML page.
 */
@Component
class CommitmentFormPdf {

    private final PrintFonts fonts;
    private final MessageSource messages;

    CommitmentFormPdf(PrintFonts fonts, MessageSource messages) {
        this.fonts = fonts;
        this.messages = messages;
    }

    void write(PersonStatus status, CommitmentKind kind, Locale locale, OutputStream out) {
        String title = text("personnel.form.title." + kind, locale);
        try (PdfSheet pdf = PdfSheet.open(fonts, false, title)) {
            pdf.newPage().title(title);
            pdf.table(new float[] {1, 2, 1, 2}, List.of(text("personnel.column.name", locale), status.person().name(),
                    text("personnel.column.unit", locale), nullToEmpty(status.unitName())), List.of(List.of(
                    text("personnel.column.department", locale), nullToEmpty(status.departmentName()),
                    text("personnel.column.level", locale), text("org.clearance." + status.person().clearance(), locale))));
            pdf.line(text("personnel.form.intro." + kind, locale));
            List<String> items = List.of("personnel.form.item1", "personnel.form.item2", "personnel.form.item3",
                    "personnel.form.item4", "personnel.form.item5." + kind, "personnel.form.item6");
            for (int i = 0; i < items.size(); i++) {
                pdf.line((i + 1) + ". " + text(items.get(i), locale));
            }
            pdf.signatures(List.of(text("personnel.form.signer", locale)));
            pdf.line("");
            pdf.line(messages.getMessage("personnel.form.footer", new Object[] {LocalDate.now()}, locale));
            pdf.writeTo(out);
        }
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
