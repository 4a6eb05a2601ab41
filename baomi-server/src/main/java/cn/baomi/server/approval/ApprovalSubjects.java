package cn.baomi.server.approval;

import java.util.Optional;

/**
 * Implemented by a module that asks for approvals, so that the approval page can name the record an approval is
 * for (docs/decisions/approval-routing.md): its readable name and a link to it, as far as the signed-in user may see
 * it — for example a carrier's title only to someone who may read the carrier, else its ledger number alone. The
 * approval module knows no module's records; it asks every implementation in turn.
 */
public interface ApprovalSubjects {

    /**
     * The subject as the signed-in user may see it; empty when this module does not own {@code subjectType} or the
     * record no longer exists. Runs in its own transaction, so a module may audit what it shows.
     */
    Optional<ApprovalSubject> describe(String subjectType, String subjectId);
}
