package cn.baomi.server.organization;

import org.springframework.validation.BindingResult;

import cn.baomi.server.shared.BusinessRuleViolation;

/** Puts a broken rule beside the field it names, so the form is shown again with the user's input. */
final class FormErrors {

    static final String CONFLICT = "problem.conflict";

    private FormErrors() {
    }

    static void reject(BindingResult result, BusinessRuleViolation violation) {
        if (violation.field() != null) {
            result.rejectValue(violation.field(), violation.messageKey(), violation.arguments(), null);
        } else {
            result.reject(violation.messageKey(), violation.arguments(), null);
        }
    }

    /** Another request saved the same code, name or ID number in between (the database refused ours). */
    static void conflict(BindingResult result) {
        result.reject(CONFLICT);
    }
}
