package cn.baomi.server.personnel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.baomi.server.approval.ApprovalGranted;
import cn.baomi.server.approval.ApprovalRefused;
import cn.baomi.server.approval.ApprovalService;
import cn.baomi.server.approval.ApprovalWithdrawn;
import cn.baomi.server.approval.NewApproval;
import cn.baomi.server.audit.AuditRecord;
import cn.baomi.server.audit.AuditTrail;
import cn.baomi.server.organization.PersonClearances;
import cn.baomi.server.organization.PersonDirectory;
import cn.baomi.server.organization.PersonSummary;
import cn.baomi.server.shared.BusinessRuleViolation;
import cn.baomi.server.shared.ClearanceLevel;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.NotFound;

/**
 * Level changes (涉密等级): the secrecy office asks, the approval module routes it (kind {@code personnel.level};
 * a core level also goes to the unit leader), and only the grant changes the person's clearance in the
 * organisation — in the deciding transaction. A first level needs the review, the pre-post training and the
 * pre-post commitment on record; temporary, seconded and trainee staff need an exception stated with it. A
 * refusal or a withdrawal (from the file or on the approvals page) closes the change without effect.
 */
@Service
class LevelService {

    static final String KIND = "personnel.level";
    static final String SUBJECT = "personnelLevel";

    private final PersonnelAccess access;
    private final LevelChanges levels;
    private final FileSummaries facts;
    private final PersonDirectory persons;
    private final PersonClearances clearances;
    private final ApprovalService approvals;
    private final AuditTrail audit;

    LevelService(PersonnelAccess access, LevelChanges levels, FileSummaries facts, PersonDirectory persons,
                 PersonClearances clearances, ApprovalService approvals, AuditTrail audit) {
        this.access = access;
        this.levels = levels;
        this.facts = facts;
        this.persons = persons;
        this.clearances = clearances;
        this.approvals = approvals;
        this.audit = audit;
    }

    @Transactional
    long request(long personId, LevelForm form) {
        CurrentUser user = CurrentUser.require();
        PersonSummary person = access.requireKeeper(user, personId);
        if (!person.active()) {
            throw BusinessRuleViolation.of("personnel.person.inactive");
        }
        ClearanceLevel to = form.getToLevel();
        if (to == null) {
            throw new BusinessRuleViolation("toLevel", "personnel.level.required");
        }
        if (to == person.clearance()) {
            throw new BusinessRuleViolation("toLevel", "personnel.level.unchanged");
        }
        String reason = text("reason", form.getReason(), true);
        String exception = text("exceptionReason", form.getExceptionReason(), false);
        if (to != ClearanceLevel.NONE && person.employmentType().needsApprovedExceptionForClearance()) {
            if (exception == null) {
                throw new BusinessRuleViolation("exceptionReason", "personnel.level.exceptionRequired");
            }
        } else {
            exception = null;
        }
        if (person.clearance() == ClearanceLevel.NONE && to != ClearanceLevel.NONE) {
            requireReadyForPost(person);
        }
        if (levels.hasPending(personId)) {
            throw new BusinessRuleViolation("toLevel", "personnel.level.pending");
        }
        long id = levels.insert(new LevelChange(0, personId, person.unitId(), person.clearance(), to, reason, exception,
                LevelState.PENDING, null, user.username(), now(), null, null, null));
        long approvalId = approvals.request(new NewApproval(KIND, SUBJECT, String.valueOf(id),
                "涉密等级变更：" + person.name() + " " + label(person.clearance()) + "→" + label(to)
                        + (exception == null ? "" : "（例外）"), approvalLevel(to), false));
        levels.linkApproval(id, approvalId);
        audit.record(AuditRecord.success("PERSONNEL_LEVEL_REQUESTED", "person", personId)
                .withDetail(person.clearance() + " -> " + to + " change=" + id + " approval=" + approvalId
                        + (exception == null ? "" : " exception")));
        return id;
    }

    long approvalOf(long changeId) {
        return levels.find(changeId).map(LevelChange::approvalId).orElseThrow(() -> new NotFound("level change", changeId));
    }

    /**
     * The secrecy office takes back its pending request, through the approval module (requester only); the change
     * leaves "pending" on the {@link ApprovalWithdrawn} that follows, as for a withdrawal on the approvals page.
     */
    @Transactional
    void withdraw(long personId, long changeId) {
        access.requireKeeper(CurrentUser.require(), personId);
        LevelChange change = levels.find(changeId).filter(c -> c.personId() == personId)
                .orElseThrow(() -> new NotFound("level change", changeId));
        if (change.state() != LevelState.PENDING || change.approvalId() == null) {
            throw BusinessRuleViolation.of("personnel.level.notPending");
        }
        approvals.withdraw(change.approvalId());
    }

    /** The grant takes effect today and sets the clearance in the organisation, in the deciding transaction. */
    @EventListener
    void granted(ApprovalGranted granted) {
        if (!KIND.equals(granted.kind())) {
            return;
        }
        LevelChange change = pending(granted.subjectId());
        PersonSummary person = persons.find(change.personId()).orElseThrow();
        if (!person.active()) {
            throw BusinessRuleViolation.of("personnel.person.inactive");
        }
        levels.decide(change.id(), LevelState.GRANTED, now(), LocalDate.now());
        clearances.changeClearance(change.personId(), change.toLevel(), "approval=" + granted.approvalId());
        audit.record(AuditRecord.success("PERSONNEL_LEVEL_GRANTED", "person", change.personId())
                .withDetail(change.fromLevel() + " -> " + change.toLevel() + " change=" + change.id()));
    }

    @EventListener
    void refused(ApprovalRefused refused) {
        if (KIND.equals(refused.kind())) {
            LevelChange change = pending(refused.subjectId());
            levels.decide(change.id(), LevelState.REFUSED, now(), null);
            audit.record(AuditRecord.success("PERSONNEL_LEVEL_REFUSED", "person", change.personId())
                    .withDetail("change=" + change.id()));
        }
    }

    /** Withdrawn wherever the requester did it (the file, the approvals page, the API): no longer pending. */
    @EventListener
    void withdrawn(ApprovalWithdrawn withdrawn) {
        if (KIND.equals(withdrawn.kind())) {
            LevelChange change = pending(withdrawn.subjectId());
            levels.decide(change.id(), LevelState.WITHDRAWN, now(), null);
            audit.record(AuditRecord.success("PERSONNEL_LEVEL_WITHDRAWN", "person", change.personId())
                    .withDetail("change=" + change.id() + " approval=" + withdrawn.approvalId()));
        }
    }

    private void requireReadyForPost(PersonSummary person) {
        PostChecklist checklist = PostChecklist.of(person, facts.of(person.id()));
        if (!checklist.reviewDone()) {
            throw new BusinessRuleViolation("toLevel", "personnel.level.needsReview");
        }
        if (!checklist.trainingDone()) {
            throw new BusinessRuleViolation("toLevel", "personnel.level.needsTraining");
        }
        if (!checklist.commitmentSigned()) {
            throw new BusinessRuleViolation("toLevel", "personnel.level.needsCommitment");
        }
    }

    private LevelChange pending(String subjectId) {
        return levels.find(Long.parseLong(subjectId)).filter(c -> c.state() == LevelState.PENDING)
                .orElseThrow(() -> BusinessRuleViolation.of("personnel.level.notPending"));
    }

    private static String text(String field, String value, boolean required) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            if (required) {
                throw new BusinessRuleViolation(field, "personnel.text.required");
            }
            return null;
        }
        if (text.length() > LevelForm.MAX_TEXT) {
            throw new BusinessRuleViolation(field, "personnel.text.tooLong", LevelForm.MAX_TEXT);
        }
        return text;
    }

    /** The approval route follows the level it allows: core (up to 绝密) also goes to the unit leader. */
    static String approvalLevel(ClearanceLevel level) {
        return switch (level) {
            case CORE -> NewApproval.TOP_SECRET;
            case IMPORTANT -> "SECRET";
            case GENERAL -> "CONFIDENTIAL";
            case NONE -> "INTERNAL";
        };
    }

    private static String label(ClearanceLevel level) {
        return switch (level) {
            case CORE -> "核心";
            case IMPORTANT -> "重要";
            case GENERAL -> "一般";
            case NONE -> "无";
        };
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
