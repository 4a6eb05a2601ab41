package cn.baomi.server.carrier;

import java.time.Instant;
import java.util.List;

/** A request to excerpt (摘抄) one carrier or compile (汇编) several into a new carrier, and its approval. */
record CompilationRequest(long id, long unitId, CompilationKind kind, String title, CarrierType type, int count,
                          String reason, long requesterPersonId, String requestedBy, Long approvalId, RequestState state,
                          String opinion, Long resultCarrierId, Instant createdAt, List<Long> sourceCopyIds) {
}
