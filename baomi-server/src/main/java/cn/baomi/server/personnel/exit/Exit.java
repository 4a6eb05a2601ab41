package cn.baomi.server.personnel.exit;

import java.time.Instant;
import java.time.LocalDate;

import cn.baomi.server.shared.ClearanceLevel;

/**
 * One exit (离岗离职) of a cleared person: the level they held, why and when they leave the post, and once completed
 * the cool-off period (脱密期) with its start and end (both inclusive) and the unit entrusted with managing it.
 */
record Exit(long id, long personId, long unitId, ClearanceLevel clearance, String reason, LocalDate leaveDate,
            State state, String openedBy, Instant openedAt, String completedBy, Instant completedAt, Long commitmentId,
            LocalDate coolOffStart, LocalDate coolOffEnd, String entrustedTo, LocalDate entrustedOn,
            Instant coolOffClosedAt) {

    enum State { OPEN, COMPLETED }

    boolean open() {
        return state == State.OPEN;
    }

    /** Completed and the day is not after the end of the cool-off. */
    boolean inCoolOffOn(LocalDate day) {
        return state == State.COMPLETED && coolOffEnd != null && !day.isAfter(coolOffEnd);
    }

    LocalDate openedOn() {
        return LocalDate.ofInstant(openedAt, java.time.ZoneId.systemDefault());
    }
}
