package cn.baomi.server.personnel;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.springframework.stereotype.Service;

import cn.baomi.server.shared.ClearanceLevel;

/**
 * The file's write use cases for other modules (the demo loader, later imports): the same services, rules and
 * audit records as the pages and the API, as the signed-in user. Kinds and categories are given by their codes
 * ({@code PRE_POST}, {@code PERIODIC}, {@code MARRIAGE} …).
 */
@Service
public class SecrecyFileSetup {

    private final FileRecords records;
    private final LevelService levels;

    SecrecyFileSetup(FileRecords records, LevelService levels) {
        this.records = records;
        this.levels = levels;
    }

    public long review(long personId, String kind, LocalDate on, String reviewer, boolean passed, String note) {
        RecordForm form = form(kind, on);
        form.setReviewer(reviewer);
        form.setOutcome(passed ? ReviewOutcome.PASSED : ReviewOutcome.FAILED);
        form.setText(note);
        return records.recordReview(personId, form);
    }

    public long training(long personId, String kind, LocalDate on, String topic, BigDecimal hours, Boolean testPassed) {
        RecordForm form = form(kind, on);
        form.setTopic(topic);
        form.setHours(hours);
        form.setTestPassed(testPassed);
        return records.recordTraining(personId, form);
    }

    public long commitment(long personId, CommitmentKind kind, LocalDate on) {
        return records.recordCommitment(personId, form(kind.name(), on));
    }

    public long talk(long personId, LocalDate on, String counterpart, String summary) {
        RecordForm form = form(null, on);
        form.setCounterpart(counterpart);
        form.setText(summary);
        return records.recordTalk(personId, form);
    }

    public long matter(long personId, LocalDate on, String category, String summary) {
        RecordForm form = form(null, on);
        form.setCategory(MatterCategory.valueOf(category));
        form.setText(summary);
        return records.recordMatter(personId, form);
    }

    /** Asks for a level; returns the id of the approval that decides it. */
    public long requestLevel(long personId, ClearanceLevel level, String reason, String exceptionReason) {
        LevelForm form = new LevelForm();
        form.setToLevel(level);
        form.setReason(reason);
        form.setExceptionReason(exceptionReason);
        long change = levels.request(personId, form);
        return levels.approvalOf(change);
    }

    private static RecordForm form(String kind, LocalDate on) {
        RecordForm form = new RecordForm();
        form.setKind(kind);
        form.setDate(on);
        return form;
    }
}
