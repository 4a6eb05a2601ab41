package cn.baomi.server.personnel;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.baomi.server.audit.AuditRecord;
import cn.baomi.server.audit.AuditTrail;
import cn.baomi.server.organization.PersonDirectory;
import cn.baomi.server.organization.PersonPostChanged;
import cn.baomi.server.organization.PersonSummary;
import cn.baomi.server.shared.ClearanceLevel;

/**
 * Re-review on a change of post (domain.md §3): when a cleared person's unit, department or position changes, a
 * re-review is due at once — the file, the reminders and the roster show it overdue from the day of the change until
 * a review passes on or after that day ({@link FileStatuses}). Recorded in the transaction of the change.
 */
@Component
class PostChangeReviews {

    private final PersonDirectory persons;
    private final PostChanges changes;
    private final AuditTrail audit;

    PostChangeReviews(PersonDirectory persons, PostChanges changes, AuditTrail audit) {
        this.persons = persons;
        this.changes = changes;
        this.audit = audit;
    }

    @EventListener
    void postChanged(PersonPostChanged event) {
        PersonSummary person = persons.find(event.personId()).orElse(null);
        if (person == null || !person.active() || person.clearance() == ClearanceLevel.NONE) {
            return;
        }
        long id = changes.insert(event, person.clearance().name());
        audit.record(AuditRecord.success("PERSONNEL_REVIEW_CALLED", "person", person.id())
                .withDetail("post change=" + id + " on " + event.changedOn()));
    }
}
