package cn.baomi.server.personnel;

import java.time.Instant;
import java.time.LocalDate;

import cn.baomi.server.shared.ClearanceLevel;

/**
 * One entry of a person's level history: the change asked for, why, the exception for temporary, seconded or
 * trainee staff when there is one, its basis — an approval, or for the end of the level on leaving the post the
 * completed exit ({@code exitId}) — and the day it took effect once granted.
 */
record LevelChange(long id, long personId, long unitId, ClearanceLevel fromLevel, ClearanceLevel toLevel, String reason,
                   String exceptionReason, LevelState state, Long approvalId, String requestedBy, Instant requestedAt,
                   Instant decidedAt, LocalDate effectiveOn, Long exitId) {

    boolean isGranted() {
        return state == LevelState.GRANTED;
    }

    /** The level ended because the person left the post (离岗离职), not through an approval. */
    public boolean onExit() {
        return exitId != null;
    }
}
