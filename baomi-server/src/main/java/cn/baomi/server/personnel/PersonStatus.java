package cn.baomi.server.personnel;

import java.math.BigDecimal;
import java.time.LocalDate;

import cn.baomi.server.organization.PersonSummary;

/**
 * Where a person stands, as the roster and the file header show it: the post checklist, the re-review schedule
 * (last passed review, when the next is due, overdue or due soon, and the day of a change of post that calls for it
 * when there is one) and whether the last pre-post or annual commitment is still current.
 */
record PersonStatus(PersonSummary person, String unitName, String departmentName, PostChecklist checklist,
                    LocalDate lastReview, LocalDate reviewDue, boolean reviewOverdue, boolean reviewDueSoon,
                    LocalDate lastCommitment, boolean commitmentOutOfDate, BigDecimal hoursThisYear,
                    LocalDate postChangedOn) {

    public boolean cleared() {
        return checklist.cleared();
    }
}
