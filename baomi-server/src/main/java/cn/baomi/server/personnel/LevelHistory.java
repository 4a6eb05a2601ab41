package cn.baomi.server.personnel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.baomi.server.audit.AuditRecord;
import cn.baomi.server.audit.AuditTrail;
import cn.baomi.server.organization.PersonClearances;
import cn.baomi.server.organization.PersonDirectory;
import cn.baomi.server.organization.PersonSummary;
import cn.baomi.server.shared.ClearanceLevel;
import cn.baomi.server.shared.NotFound;

/**
 * The level history (涉密等级) for the exit sub-package: a level ends on leaving the post (离岗离职) through an entry
 * of the history, as every other change of level does, so the file tells the whole story. No access check: the exit
 * that calls it has checked the secrecy office already, and it runs inside the exit's completing transaction.
 */
@Component
public class LevelHistory {

    /** The reason written on the entry that ends a level on leaving the post. */
    static final String EXIT_REASON = "离岗离职";

    private final LevelChanges levels;
    private final PersonDirectory persons;
    private final PersonClearances clearances;
    private final AuditTrail audit;

    LevelHistory(LevelChanges levels, PersonDirectory persons, PersonClearances clearances, AuditTrail audit) {
        this.levels = levels;
        this.persons = persons;
        this.clearances = clearances;
        this.audit = audit;
    }

    /** Whether a change of the person's level still waits for its approval. */
    public boolean hasPending(long personId) {
        return levels.hasPending(personId);
    }

    /**
     * Ends the person's level: an entry from the current level to none, reason 离岗离职, in effect on {@code on}, with
     * the completed exit as its basis; the clearance in the organisation follows. Returns the entry's id.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long endOnExit(long personId, long exitId, LocalDate on, String by) {
        PersonSummary person = persons.find(personId).orElseThrow(() -> new NotFound("person", personId));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        long id = levels.insertEnded(new LevelChange(0, personId, person.unitId(), person.clearance(), ClearanceLevel.NONE,
                EXIT_REASON, null, LevelState.GRANTED, null, by, now, now, on, exitId));
        clearances.changeClearance(personId, ClearanceLevel.NONE, "left the classified post, exit " + exitId);
        audit.record(AuditRecord.success("PERSONNEL_LEVEL_ENDED", "person", personId)
                .withDetail(person.clearance() + " -> NONE change=" + id + " exit=" + exitId));
        return id;
    }
}
