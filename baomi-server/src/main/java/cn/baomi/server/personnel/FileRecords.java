package cn.baomi.server.personnel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.baomi.server.audit.AuditRecord;
import cn.baomi.server.audit.AuditTrail;
import cn.baomi.server.shared.BusinessRuleViolation;
import cn.baomi.server.shared.CurrentUser;

/**
 * Adds the dated records of a secrecy file: background reviews, commitments, training hours, reminder talks and
 * major-matter reports. Only the secrecy office of the person's unit (or above) adds them; nothing is edited or
 * deleted afterwards. Dates may not lie in the future; every addition is audited.
 */
@Service
class FileRecords {

    static final int MAX_NAME = 50;
    static final int MAX_TOPIC = 200;
    static final int MAX_TEXT = 500;
    private final PersonnelAccess access;
    private final Reviews reviews;
    private final Trainings trainings;
    private final FileNotes notes;
    private final Commitments commitments;
    private final ScanStore scans;
    private final AuditTrail audit;

    FileRecords(PersonnelAccess access, Reviews reviews, Trainings trainings, FileNotes notes, Commitments commitments,
                ScanStore scans, AuditTrail audit) {
        this.access = access;
        this.reviews = reviews;
        this.trainings = trainings;
        this.notes = notes;
        this.commitments = commitments;
        this.scans = scans;
        this.audit = audit;
    }

    @Transactional
    long recordReview(long personId, RecordForm form) {
        CurrentUser user = CurrentUser.require();
        access.requireKeeper(user, personId);
        ReviewKind kind = kind(ReviewKind.class, form.getKind());
        LocalDate on = date(form.getDate());
        String reviewer = text("reviewer", form.getReviewer(), MAX_NAME, true);
        if (form.getOutcome() == null) {
            throw new BusinessRuleViolation("outcome", "personnel.review.outcome.required");
        }
        String note = text("text", form.getText(), MAX_TEXT, false);
        byte[] scan = form.scanBytes();
        Long scanId = scan == null ? null : scans.store("scan", personId, scan, form.scanName(), user.username());
        long id = reviews.insert(new Review(0, personId, kind, on, reviewer, form.getOutcome(), note, scanId,
                user.username(), null));
        audit.record(AuditRecord.success("PERSONNEL_REVIEW_RECORDED", "person", personId)
                .withDetail(kind + " " + on + " " + form.getOutcome() + (scanId == null ? "" : " scan=" + scanId)));
        return id;
    }

    @Transactional
    long recordCommitment(long personId, RecordForm form) {
        CommitmentKind kind = kind(CommitmentKind.class, form.getKind());
        return commitments.recordSigned(CurrentUser.require(), personId, kind, form.getDate(), form.scanBytes(),
                form.scanName());
    }

    @Transactional
    long recordTraining(long personId, RecordForm form) {
        CurrentUser user = CurrentUser.require();
        access.requireKeeper(user, personId);
        TrainingKind kind = kind(TrainingKind.class, form.getKind());
        LocalDate on = date(form.getDate());
        String topic = text("topic", form.getTopic(), MAX_TOPIC, true);
        BigDecimal hours = form.getHours();
        if (hours == null || hours.signum() <= 0 || hours.compareTo(BigDecimal.valueOf(200)) > 0 || hours.scale() > 1) {
            throw new BusinessRuleViolation("hours", "personnel.training.hours");
        }
        if (kind == TrainingKind.PRE_POST && form.getTestPassed() == null) {
            throw new BusinessRuleViolation("testPassed", "personnel.training.testRequired");
        }
        long id = trainings.insert(new Training(0, personId, kind, on, topic, hours, form.getTestPassed(),
                user.username(), null));
        audit.record(AuditRecord.success("PERSONNEL_TRAINING_RECORDED", "person", personId)
                .withDetail(kind + " " + on + " " + hours.toPlainString() + "h test=" + form.getTestPassed()));
        return id;
    }

    @Transactional
    long recordTalk(long personId, RecordForm form) {
        CurrentUser user = CurrentUser.require();
        access.requireKeeper(user, personId);
        LocalDate on = date(form.getDate());
        String counterpart = text("counterpart", form.getCounterpart(), MAX_NAME, true);
        String summary = text("text", form.getText(), MAX_TEXT, true);
        long id = notes.insert(new FileNote(0, personId, NoteKind.TALK, on, null, counterpart, summary,
                user.username(), null));
        audit.record(AuditRecord.success("PERSONNEL_TALK_RECORDED", "person", personId).withDetail(on.toString()));
        return id;
    }

    @Transactional
    long recordMatter(long personId, RecordForm form) {
        CurrentUser user = CurrentUser.require();
        access.requireKeeper(user, personId);
        LocalDate on = date(form.getDate());
        if (form.getCategory() == null) {
            throw new BusinessRuleViolation("category", "personnel.matter.category.required");
        }
        String summary = text("text", form.getText(), MAX_TEXT, true);
        long id = notes.insert(new FileNote(0, personId, NoteKind.MATTER, on, form.getCategory().name(), null, summary,
                user.username(), null));
        audit.record(AuditRecord.success("PERSONNEL_MATTER_RECORDED", "person", personId)
                .withDetail(form.getCategory() + " " + on));
        return id;
    }

    private static <E extends Enum<E>> E kind(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            throw new BusinessRuleViolation("kind", "personnel.kind.required");
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BusinessRuleViolation("kind", "personnel.kind.unknown");
        }
    }

    static LocalDate date(LocalDate date) {
        if (date == null) {
            throw new BusinessRuleViolation("date", "personnel.date.required");
        }
        if (date.isAfter(LocalDate.now())) {
            throw new BusinessRuleViolation("date", "personnel.date.future");
        }
        return date;
    }

    static String text(String field, String value, int max, boolean required) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            if (required) {
                throw new BusinessRuleViolation(field, "personnel.text.required");
            }
            return null;
        }
        if (text.length() > max) {
            throw new BusinessRuleViolation(field, "personnel.text.tooLong", max);
        }
        return text;
    }
}
