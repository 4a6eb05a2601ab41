package cn.baomi.server.approval;

import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Asks the modules ({@link ApprovalSubjects}) to name an approval's subject for the signed-in user; when none knows
 * it, the raw type and id are shown, never more.
 */
@Component
class ApprovalSubjectNames {

    private final ObjectProvider<ApprovalSubjects> modules;

    ApprovalSubjectNames(ObjectProvider<ApprovalSubjects> modules) {
        this.modules = modules;
    }

    ApprovalSubject of(Approval approval) {
        List<ApprovalSubjects> all = modules.orderedStream().toList();
        for (ApprovalSubjects module : all) {
            Optional<ApprovalSubject> found = module.describe(approval.subjectType(), approval.subjectId());
            if (found.isPresent()) {
                return found.get();
            }
        }
        return new ApprovalSubject(approval.subjectType() + " " + approval.subjectId(), null);
    }
}
