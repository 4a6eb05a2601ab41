package cn.baomi.server.personnel;

import java.math.BigDecimal;
import java.time.LocalDate;

import cn.baomi.server.shared.ClearanceLevel;

/**
 * What the checklist and the schedule need from a person's file, read in bulk for the roster: the last passed
 * review, whether the pre-post training test and the pre-post commitment are on record, the last pre-post or
 * annual commitment, the level last granted (null if none) and whether that grant carried an exception, and the
 * last change of post while cleared (null if none), which calls for a re-review.
 */
record FileFacts(long personId, LocalDate lastPassedReview, boolean preTrainingPassed, boolean prePostCommitment,
                 LocalDate lastCurrentCommitment, ClearanceLevel grantedLevel, boolean grantedWithException,
                 BigDecimal hoursThisYear, LocalDate lastPostChange) {

    static FileFacts empty(long personId) {
        return new FileFacts(personId, null, false, false, null, null, false, BigDecimal.ZERO, null);
    }

    /** A change of post with no passed review on or after its day: the re-review it calls for is still to be made. */
    boolean postChangeUnreviewed() {
        return lastPostChange != null && (lastPassedReview == null || lastPassedReview.isBefore(lastPostChange));
    }
}
