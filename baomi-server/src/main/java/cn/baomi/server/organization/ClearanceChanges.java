package cn.baomi.server.organization;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.baomi.server.audit.AuditRecord;
import cn.baomi.server.audit.AuditTrail;
import cn.baomi.server.shared.ClearanceLevel;
import cn.baomi.server.shared.NotFound;

/** {@link PersonClearances}: writes the approved clearance and records it, in the caller's transaction. */
@Component
class ClearanceChanges implements PersonClearances {

    private final Persons persons;
    private final AuditTrail audit;

    ClearanceChanges(Persons persons, AuditTrail audit) {
        this.persons = persons;
        this.audit = audit;
    }

    @Override
    @Transactional
    public void changeClearance(long personId, ClearanceLevel clearance, String reason) {
        Person person = persons.find(personId).orElseThrow(() -> new NotFound("person", personId));
        persons.updateClearance(personId, clearance);
        audit.record(AuditRecord.success("PERSON_CLEARANCE_CHANGED", "person", personId)
                .withDetail(person.clearance() + " -> " + clearance + (reason == null ? "" : " " + reason)));
    }
}
