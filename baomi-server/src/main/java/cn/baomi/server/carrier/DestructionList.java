package cn.baomi.server.carrier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A destruction list (销毁清单) of one unit's copies, its approval and, once completed, the hand-over to the
 * destruction body: its name, the certificate number and date, the destroyer and the witness.
 */
record DestructionList(long id, long unitId, String reason, SecretLevel level, DestructionState state, Long approvalId,
                       String opinion, String createdBy, Instant createdAt, String body, String certificateNumber,
                       LocalDate certificateDate, Long destroyerId, Long witnessId, String completedBy,
                       Instant completedAt, List<Long> copyIds) {
}
