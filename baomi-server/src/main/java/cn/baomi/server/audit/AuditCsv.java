package cn.baomi.server.audit;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Writes the trail as CSV for Excel: UTF-8 with a byte-order mark so Chinese opens correctly, RFC 4180
 * quoting, and cells that a spreadsheet would take for a formula prefixed with an apostrophe.
 */
final class AuditCsv {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());
    private final PrintWriter out;

    AuditCsv(PrintWriter out) {
        this.out = out;
    }

    void header() {
        out.print('\uFEFF');
        line("seq", "time", "actor", "roles", "action", "target_type", "target_id", "outcome", "client_address",
                "detail", "hash");
    }

    void row(AuditEvent e) {
        line(Long.toString(e.seq()), TIME.format(e.occurredAt()), e.actor(), e.actorRoles(), e.action(),
                e.targetType(), e.targetId(), e.outcome(), e.clientAddress(), e.detail(), e.hash());
    }

    private void line(String... cells) {
        StringBuilder text = new StringBuilder();
        for (String cell : cells) {
            text.append(text.isEmpty() ? "" : ",").append(cell(cell));
        }
        out.print(text.append("\r\n"));
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
