package cn.baomi.server.personnel;

import cn.baomi.server.organization.PersonSummary;
import cn.baomi.server.shared.ClearanceLevel;

/**
 * Going onto a classified post (上岗, domain.md §3): background review passed, pre-post training with its test
 * passed, pre-post commitment signed, level approved; for temporary, seconded and trainee staff also an exception
 * recorded with that approval. The person counts as cleared only when every item is done.
 */
record PostChecklist(boolean reviewDone, boolean trainingDone, boolean commitmentSigned, boolean levelApproved,
                     boolean exceptionNeeded, boolean exceptionRecorded) {

    static PostChecklist of(PersonSummary person, FileFacts facts) {
        ClearanceLevel current = person.clearance();
        boolean levelApproved = current != ClearanceLevel.NONE && current == facts.grantedLevel();
        boolean exceptionNeeded = person.employmentType().needsApprovedExceptionForClearance();
        return new PostChecklist(facts.lastPassedReview() != null, facts.preTrainingPassed(), facts.prePostCommitment(),
                levelApproved, exceptionNeeded, levelApproved && facts.grantedWithException());
    }

    /** The three items that must be on record before a first level is asked for. */
    public boolean readyForLevel() {
        return reviewDone && trainingDone && commitmentSigned;
    }

    public boolean cleared() {
        return readyForLevel() && levelApproved && (!exceptionNeeded || exceptionRecorded);
    }
}
