package cn.baomi.server.personnel;

import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.baomi.server.shared.excel.XlsxWriter;

/**
 * Writes the filtered roster as an .xlsx sheet with the shared {@link XlsxWriter}: one row per person, in the user's
 * language. Rows are taken as the roster streams them from the database; the writer keeps only a window of them in
 * memory and the rest in its temporary file, so the size of an export is bounded by disk, not by memory.
 */
@Component
class RosterExcel {

    private static final List<String> HEADERS = List.of("name", "unit", "department", "level", "employment", "cleared",
            "lastReview", "reviewDue", "lastCommitment", "hours");
    private final MessageSource messages;

    RosterExcel(MessageSource messages) {
        this.messages = messages;
    }

    /** {@code source} hands every row to the consumer it is given (the roster's export). */
    void write(Locale locale, OutputStream out, Consumer<Consumer<PersonStatus>> source) {
        try (XlsxWriter xlsx = new XlsxWriter()) {
            xlsx.sheet(text("personnel.roster.title", locale),
                    HEADERS.stream().map(h -> text("personnel.column." + h, locale)).toList(), false);
            source.accept(s -> xlsx.row(Stream.of(s.person().name(), s.unitName(), s.departmentName(),
                    text("org.clearance." + s.person().clearance(), locale),
                    text("org.employment." + s.person().employmentType(), locale),
                    text(s.cleared() ? "personnel.yes" : "personnel.no", locale),
                    s.lastReview(), nextReview(s, locale), lastCommitment(s, locale), s.hoursThisYear()).toArray()));
            xlsx.writeTo(out);
        }
    }

    /** As the roster page says it: someone cleared but never reviewed is 尚未审查, not due today. */
    private Object nextReview(PersonStatus s, Locale locale) {
        return s.reviewDue() != null && s.lastReview() == null ? text("personnel.neverReviewed", locale) : s.reviewDue();
    }

    /** Someone cleared who never signed is 未签订, not an empty cell. */
    private Object lastCommitment(PersonStatus s, Locale locale) {
        return s.lastCommitment() == null && s.commitmentOutOfDate() ? text("personnel.neverSigned", locale)
                : s.lastCommitment();
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
