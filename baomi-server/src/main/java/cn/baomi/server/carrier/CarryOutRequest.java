package cn.baomi.server.carrier;

import java.time.Instant;
import java.time.LocalDate;

/** A request to carry one copy out (携带外出): where to, whether abroad, when it is due back, and its approval. */
record CarryOutRequest(long id, long carrierId, long copyId, long unitId, String destination, boolean abroad,
                       LocalDate dueBack, String reason, long requesterPersonId, String requestedBy, Long approvalId,
                       RequestState state, String opinion, Instant createdAt, Instant decidedAt) {
}
