package cn.baomi.server.audit;

import java.time.Instant;

/** One stored row of the trail. */
public record AuditEvent(long seq, Instant occurredAt, String actor, String actorRoles, String action,
                         String targetType, String targetId, String outcome, String detail,
                         String clientAddress, String prevHash, String hash) {
}
