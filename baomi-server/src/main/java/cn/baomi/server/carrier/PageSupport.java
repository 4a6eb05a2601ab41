package cn.baomi.server.carrier;

import org.springframework.validation.BindingResult;

import cn.baomi.server.shared.BusinessRuleViolation;

/** Puts a broken rule beside the field it names, so that the form is shown again with the user's input. */
final class PageSupport {

    private PageSupport() {
    }

    static void reject(BindingResult result, BusinessRuleViolation violation) {
        if (violation.field() != null && result.getModel().containsKey(result.getObjectName())
                && hasField(result, violation.field())) {
            result.rejectValue(violation.field(), violation.messageKey(), violation.arguments(), null);
        } else {
            result.reject(violation.messageKey(), violation.arguments(), null);
        }
    }

    private static boolean hasField(BindingResult result, String field) {
        try {
            result.getFieldType(field);
            return result.getFieldType(field) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
