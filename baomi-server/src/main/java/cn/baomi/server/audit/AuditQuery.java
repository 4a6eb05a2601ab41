package cn.baomi.server.audit;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import cn.baomi.server.shared.Role;

/**
 * Filters of the audit view; every field is optional. Dates are whole days in the server's time zone,
 * {@code to} included. {@code actorRole} keeps only rows whose actor held exactly that role (one of
 * the comma-separated names in {@code actor_roles}), never a role whose name merely contains it.
 */
public record AuditQuery(String actor, String action, String outcome, LocalDate from, LocalDate to, Role actorRole) {

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null);
    }

    public AuditQuery onlyRole(Role role) {
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
        if (actorRole != null) {
            clauses.add("(',' || actor_roles || ',') like ? escape '!'");
            params.add("%," + actorRole.name().replace("_", "!_") + ",%");
        }
        ZoneId zone = ZoneId.systemDefault();
        if (from != null) {
            clauses.add("occurred_at >= ?");
            params.add(AuditEvents.utc(from.atStartOfDay(zone).toInstant()));
        }
        if (to != null) {
            clauses.add("occurred_at < ?");
            params.add(AuditEvents.utc(to.plusDays(1).atStartOfDay(zone).toInstant()));
        }
        return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }
}
