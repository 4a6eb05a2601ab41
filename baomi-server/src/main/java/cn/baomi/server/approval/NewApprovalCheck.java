package cn.baomi.server.approval;

import cn.baomi.server.shared.BusinessRuleViolation;

/** Checks a module's request before it is routed: codes present and short, a known level, a short summary. */
final class NewApprovalCheck {

    private NewApprovalCheck() {
    }

    static void validate(NewApproval r) {
        require("kind", r.kind(), 60);
        require("subjectType", r.subjectType(), 40);
        require("subjectId", r.subjectId(), 60);
        require("summary", r.summary(), 200);
        if (r.level() == null || !NewApproval.LEVELS.contains(r.level())) {
            throw new BusinessRuleViolation("level", "approval.rule.level");
        }
    }

    private static void require(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new BusinessRuleViolation(field, "validation.required");
        }
        if (value.strip().length() > max) {
            throw new BusinessRuleViolation(field, "approval.rule.tooLong", max);
        }
    }
}
