package cn.baomi.server.personnel;

import java.time.Instant;
import java.time.LocalDate;

import cn.baomi.server.shared.ClearanceLevel;

/**
 * One entry of a person's level history: the change asked for, why, the exception for temporary, seconded or
 * trainee staff when there is one, its approval, and the day it took effect once granted.
 */
record LevelChange(long id, long personId, long unitId, ClearanceLevel fromLevel, ClearanceLevel toLevel, String reason,
                   String exceptionReason, LevelState state, Long approvalId, String requestedBy, Instant requestedAt,
                   Instant decidedAt, LocalDate effectiveOn) {

    boolean isGranted() {
        return state == LevelState.GRANTED;
    }
}
