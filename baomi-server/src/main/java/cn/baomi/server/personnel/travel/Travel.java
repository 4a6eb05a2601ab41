package cn.baomi.server.personnel.travel;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A trip abroad (出国出境) of a person: where, why and when. PENDING while its approval runs, then APPROVED or
 * REFUSED, or WITHDRAWN when the requester took the approval request back; RECORDED when no approval is needed (the
 * person is neither on a classified post nor in the cool-off).
 */
record Travel(long id, long personId, long unitId, String destination, String purpose, LocalDate departOn,
              LocalDate returnOn, State state, boolean duringCoolOff, Long approvalId, String opinion,
              String requestedBy, Instant requestedAt, Instant decidedAt) {

    enum State { PENDING, APPROVED, REFUSED, RECORDED, WITHDRAWN }

    /** Travel documents may be issued for it. */
    boolean cleared() {
        return state == State.APPROVED || state == State.RECORDED;
    }
}
