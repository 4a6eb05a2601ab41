package cn.baomi.server.carrier;

import java.time.Instant;

/** A request for {@code count} more copies of a carrier, made from one of its copies, and its approval. */
record CopyRequest(long id, long carrierId, long sourceCopyId, long unitId, int count, String reason,
                   long requesterPersonId, String requestedBy, Long approvalId, CopyRequestState state, String opinion,
                   Instant createdAt, Instant decidedAt) {
}
