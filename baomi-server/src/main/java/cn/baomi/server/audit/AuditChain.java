package cn.baomi.server.audit;

import java.time.Instant;
import java.util.Objects;

import cn.baomi.server.shared.crypto.Sm3;

/** How a row is hashed: SM3 over the previous hash and every field, in a fixed order. */
final class AuditChain {

    static final String GENESIS = "0".repeat(64);
    private static final char SEPARATOR = '\u001f';

    private AuditChain() {
    }

    static String hash(String prevHash, long seq, Instant occurredAt, String actor, String actorRoles, String action,
                       String targetType, String targetId, String outcome, String detail, String clientAddress) {
        StringBuilder text = new StringBuilder(256).append(prevHash);
        for (Object field : new Object[] {seq, occurredAt.toEpochMilli(), actor, actorRoles, action, targetType, targetId,
                outcome, detail, clientAddress}) {
            text.append(SEPARATOR).append(Objects.toString(field, ""));
        }
        return Sm3.hex(text.toString());
    }

    static String hash(AuditEvent e) {
        return hash(e.prevHash(), e.seq(), e.occurredAt(), e.actor(), e.actorRoles(), e.action(), e.targetType(),
                e.targetId(), e.outcome(), e.detail(), e.clientAddress());
    }
}
