package cn.baomi.server.audit;

/**
 * What a module asks the trail to record. The actor, roles, time and client address are filled in by
 * {@link AuditTrail}. {@code detail} is a short human-readable note, never a classified title.
 */
public record AuditRecord(String action, String targetType, String targetId, Outcome outcome, String detail) {

    public enum Outcome { SUCCESS, FAILURE, DENIED }

    public static AuditRecord success(String action, String targetType, Object targetId) {
        return new AuditRecord(action, targetType, targetId == null ? null : targetId.toString(), Outcome.SUCCESS, null);
    }

    public AuditRecord withDetail(String newDetail) {
        return new AuditRecord(action, targetType, targetId, outcome, newDetail);
    }
}
