package cn.baomi.server.audit;

import java.time.LocalDate;
import java.time.ZoneId;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/** Filters of the audit view; every field is optional. */
public record AuditQuery(String actor, String action, String outcome, LocalDate from, LocalDate to,
                         String actorRole) {

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null);
    }

    public AuditQuery onlyRole(String role) {
        return new AuditQuery(actor, action, outcome, from, to, role);
    }

    String where(List<Object> params) {
        List<String> clauses = new ArrayList<>();
        if (hasText(actor)) {
            clauses.add("actor = ?");
            params.add(actor.trim());
        }
        if (hasText(action)) {
            clauses.add("action = ?");
            params.add(action.trim());
        }
        if (hasText(outcome)) {
            clauses.add("outcome = ?");
            params.add(outcome.trim());
        }
        if (hasText(actorRole)) {
            clauses.add("actor_roles like ?");
            params.add("%" + actorRole + "%");
        }
        ZoneId zone = ZoneId.systemDefault();
        if (from != null) {
            clauses.add("occurred_at >= ?");
            params.add(Timestamp.from(from.atStartOfDay(zone).toInstant()));
        }
        if (to != null) {
            clauses.add("occurred_at < ?");
            params.add(Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()));
        }
        return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }
}
