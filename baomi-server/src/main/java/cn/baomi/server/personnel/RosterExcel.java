package cn.baomi.server.personnel;

import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.baomi.server.shared.excel.XlsxWriter;

/** Writes the filtered roster as an .xlsx sheet with the shared {@link XlsxWriter}: one row per person, in the user's language. */
@Component
class RosterExcel {

    private static final List<String> HEADERS = List.of("name", "unit", "department", "level", "employment", "cleared",
            "lastReview", "reviewDue", "lastCommitment", "hours");
    private final MessageSource messages;

    RosterExcel(MessageSource messages) {
        this.messages = messages;
    }

    void write(List<PersonStatus> rows, Locale locale, OutputStream out) {
        try (XlsxWriter xlsx = new XlsxWriter()) {
            xlsx.sheet(text("personnel.roster.title", locale),
                    HEADERS.stream().map(h -> text("personnel.column." + h, locale)).toList(), false);
            for (PersonStatus s : rows) {
                xlsx.row(Stream.of(s.person().name(), s.unitName(), s.departmentName(),
                        text("org.clearance." + s.person().clearance(), locale),
                        text("org.employment." + s.person().employmentType(), locale),
                        text(s.cleared() ? "personnel.yes" : "personnel.no", locale),
                        s.lastReview(), s.reviewDue(), s.lastCommitment(), s.hoursThisYear()).toArray());
            }
            xlsx.writeTo(out);
        }
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
