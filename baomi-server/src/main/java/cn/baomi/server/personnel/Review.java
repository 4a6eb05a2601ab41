package cn.baomi.server.personnel;

import java.time.Instant;
import java.time.LocalDate;

/** A background review in a person's file; {@code scanId} is the attached paper, if any. */
record Review(long id, long personId, ReviewKind kind, LocalDate reviewedOn, String reviewer, ReviewOutcome outcome,
              String note, Long scanId, String recordedBy, Instant recordedAt) {
}
