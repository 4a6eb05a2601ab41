package cn.baomi.server.personnel;

import java.time.Instant;
import java.time.LocalDate;

/** A signed commitment in a person's file; {@code scanId} is null when no scanned copy was kept. */
record Commitment(long id, long personId, CommitmentKind kind, LocalDate signedOn, Long scanId, String recordedBy,
                  Instant recordedAt) {
}
