package cn.baomi.server.personnel;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes the filtered roster as an .xlsx sheet with the streaming POI writer (a minimal stand-in until a shared
 * Excel helper exists): one row per person, headers and values in the user's language.
 */
@Component
class RosterExcel {

    private static final String[] HEADERS = {"name", "unit", "department", "level", "employment", "cleared",
            "lastReview", "reviewDue", "lastCommitment", "hours"};
    private final MessageSource messages;

    RosterExcel(MessageSource messages) {
        this.messages = messages;
    }

    void write(List<PersonStatus> rows, Locale locale, OutputStream out) throws IOException {
        try (SXSSFWorkbook book = new SXSSFWorkbook(100)) {
            Sheet sheet = book.createSheet(messages.getMessage("personnel.roster.title", null, locale));
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADERS.length; i++) {
                header.createCell(i).setCellValue(messages.getMessage("personnel.column." + HEADERS[i], null, locale));
            }
            int n = 1;
            for (PersonStatus s : rows) {
                Row row = sheet.createRow(n++);
                row.createCell(0).setCellValue(s.person().name());
                row.createCell(1).setCellValue(nullToEmpty(s.unitName()));
                row.createCell(2).setCellValue(nullToEmpty(s.departmentName()));
                row.createCell(3).setCellValue(messages.getMessage("org.clearance." + s.person().clearance(), null, locale));
                row.createCell(4).setCellValue(messages.getMessage("org.employment." + s.person().employmentType(), null,
                        s.person().employmentType().name(), locale));
                row.createCell(5).setCellValue(messages.getMessage(s.cleared() ? "personnel.yes" : "personnel.no", null, locale));
                row.createCell(6).setCellValue(s.lastReview() == null ? "" : s.lastReview().toString());
                row.createCell(7).setCellValue(s.reviewDue() == null ? "" : s.reviewDue().toString());
                row.createCell(8).setCellValue(s.lastCommitment() == null ? "" : s.lastCommitment().toString());
                row.createCell(9).setCellValue(s.hoursThisYear().doubleValue());
            }
            book.write(out);
            book.dispose();
        }
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
