package cn.baomi.server.audit;

import java.time.Instant;

/**
 * One stored row of the trail: {@code seq} its number in the whole trail (the order of the audit view), {@code line}
 * the chain line it was written in and {@code lineSeq} its position there (docs/decisions/0003-audit-chain.md).
 */
public record AuditEvent(long seq, int line, long lineSeq, Instant occurredAt, String actor, String actorRoles,
                         String action, String targetType, String targetId, String outcome, String detail,
                         String clientAddress, String prevHash, String hash) {
}
