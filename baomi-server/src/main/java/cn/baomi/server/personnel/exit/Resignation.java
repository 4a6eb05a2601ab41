package cn.baomi.server.personnel.exit;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A request to resign public office (辞去公职) put to the secrecy office for its opinion. A civil servant who has left
 * a classified post may not resign before the cool-off ends (domain.md §3), so approving one then is refused.
 */
record Resignation(long id, long personId, long unitId, LocalDate filedOn, String note, State state, String filedBy,
                   String decidedBy, Instant decidedAt, String opinion) {

    enum State { FILED, APPROVED, REFUSED }
}
