package cn.baomi.server.personnel.travel;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A trip abroad (出国出境) of a person: where, why and when. PENDING while its approval runs, then APPROVED or
 * REFUSED; RECORDED when no approval is needed (the person is neither on a classified post nor in the cool-off).
 * The applicant or the secrecy office may take back a trip not yet approved (WITHDRAWN, its approval withdrawn with
 * it; also when the approval's requester withdraws it on the approval page) and call off an approved one before
 * departure (CANCELLED); {@code endedBy}/{@code endedAt} say who and when (from the trip's own pages).
 */
record Travel(long id, long personId, long unitId, String destination, String purpose, LocalDate departOn,
              LocalDate returnOn, State state, boolean duringCoolOff, Long approvalId, String opinion,
              Requester requestedBy, Instant requestedAt, Instant decidedAt, String endedBy, Instant endedAt) {

    enum State { PENDING, APPROVED, REFUSED, RECORDED, WITHDRAWN, CANCELLED }

    /**
     * Who filed the trip — or, after an edit that asked anew, its current approval: the account's user name and its
     * person (null for trips from before V67), as the approval module knows its requester.
     */
    record Requester(String username, Long personId) {

        static Requester of(cn.baomi.server.shared.CurrentUser user) {
            return new Requester(user.username(), user.personId());
        }

        /** The same account, or an account of the same person: the approval module's own test. */
        boolean is(cn.baomi.server.shared.CurrentUser user) {
            return username.equals(user.username()) || (personId != null && personId.equals(user.personId()));
        }
    }

    /** Travel documents may be issued for it. */
    boolean cleared() {
        return state == State.APPROVED || state == State.RECORDED;
    }

    /** Not left yet on that day: departure is that day or later. */
    boolean notDepartedOn(LocalDate day) {
        return !departOn.isBefore(day);
    }

    /** Its details may still change: its approval is running, or it is only recorded and not under way. */
    boolean editableOn(LocalDate day) {
        return state == State.PENDING || (state == State.RECORDED && notDepartedOn(day));
    }

    /** It may be taken back: the same as {@link #editableOn}. */
    boolean withdrawableOn(LocalDate day) {
        return editableOn(day);
    }

    /** An approved trip may be called off until the day of departure. */
    boolean cancellableOn(LocalDate day) {
        return state == State.APPROVED && notDepartedOn(day);
    }
}
