package cn.baomi.server.personnel;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A reminder talk (who talked with the person, about what) or a major-matter report (its category and summary).
 * {@code counterpart} is the one who held the talk; {@code category} a {@link MatterCategory} name for reports.
 */
record FileNote(long id, long personId, NoteKind kind, LocalDate happenedOn, String category, String counterpart,
                String summary, String recordedBy, Instant recordedAt) {
}
