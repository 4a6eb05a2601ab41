package cn.baomi.server.audit;

import java.time.LocalDate;

import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/** The filters of the audit view as the form sends them. */
record AuditFilter(@Size(max = 50) String actor, @Size(max = 60) String action, @Size(max = 10) String outcome,
                   @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                   @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {

    static final AuditFilter NONE = new AuditFilter(null, null, null, null, null);

    AuditQuery toQuery() {
        return new AuditQuery(actor, action, outcome, from, to, null);
    }

    /** What was asked for, for the audit record of the viewing itself. */
    String describe() {
        StringBuilder text = new StringBuilder();
        append(text, "actor", actor);
        append(text, "action", action);
        append(text, "outcome", outcome);
        append(text, "from", from);
        append(text, "to", to);
        return text.toString();
    }

    private static void append(StringBuilder text, String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            text.append(text.isEmpty() ? "" : " ").append(name).append('=').append(value.toString().trim());
        }
    }
}
