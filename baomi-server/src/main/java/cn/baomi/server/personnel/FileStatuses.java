package cn.baomi.server.personnel;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.baomi.server.organization.PersonSummary;
import cn.baomi.server.shared.ClearanceLevel;

/**
 * Computes {@link PersonStatus}: the checklist from the file's facts, the next re-review from the last passed
 * review and the interval of the person's level ({@code baomi.personnel.review-interval.*}; never reviewed counts
 * as due now, overdue), brought forward to the day of a change of post not reviewed since (due at once, overdue
 * like never reviewed), and a commitment out of date when none was signed within {@code commitment-validity}.
 */
@Component
class FileStatuses {

    private final FileSummaries summaries;
    private final PersonnelSettings settings;

    FileStatuses(FileSummaries summaries, PersonnelSettings settings) {
        this.summaries = summaries;
        this.settings = settings;
    }

    List<PersonStatus> of(Collection<PersonSummary> persons, Map<Long, String> units, Map<Long, String> departments) {
        Map<Long, FileFacts> facts = summaries.of(persons.stream().map(PersonSummary::id).toList());
        LocalDate today = LocalDate.now();
        return persons.stream().map(p -> status(p, facts.getOrDefault(p.id(), FileFacts.empty(p.id())),
                units.get(p.unitId()), p.departmentId() == null ? null : departments.get(p.departmentId()), today))
                .toList();
    }

    PersonStatus status(PersonSummary person, FileFacts facts, String unitName, String departmentName, LocalDate today) {
        boolean cleared = person.clearance() != ClearanceLevel.NONE;
        LocalDate due = !cleared ? null
                : facts.lastPassedReview() == null ? today : settings.reviewDue(person.clearance(), facts.lastPassedReview());
        LocalDate postChange = cleared && facts.postChangeUnreviewed() ? facts.lastPostChange() : null;
        if (postChange != null && postChange.isBefore(due)) {
            due = postChange;
        }
        boolean overdue = due != null && (facts.lastPassedReview() == null || postChange != null || due.isBefore(today));
        boolean dueSoon = due != null && !overdue && !due.isAfter(today.plusDays(settings.reviewDueSoonDays()));
        LocalDate signed = facts.lastCurrentCommitment();
        boolean outOfDate = cleared && (signed == null || signed.plus(settings.commitmentValidity()).isBefore(today));
        return new PersonStatus(person, unitName, departmentName, PostChecklist.of(person, facts), facts.lastPassedReview(),
                due, overdue, dueSoon, signed, outOfDate, facts.hoursThisYear(), postChange);
    }
}
