package cn.baomi.server.audit;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Writes the trail as CSV for Excel: headers in Chinese with the stored column names, the stored values in the cells,
 * UTF-8 with a byte-order mark so Chinese opens correctly, RFC 4180
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
        // Chinese for the secrecy office's Excel, the stored column name for scripts; the cells keep the stored
        // values (codes such as SIGN_IN), which the chain's hashes are computed over
        line("序号 seq", "时间 time", "操作人 actor", "角色 roles", "操作 action", "对象类型 target_type",
                "对象编号 target_id", "结果 outcome", "客户端地址 client_address", "说明 detail", "哈希 hash");
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
