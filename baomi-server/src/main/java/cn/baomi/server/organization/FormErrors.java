package cn.baomi.server.organization;

import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.baomi.server.shared.BusinessRuleViolation;

/**
 * Saves the organisation forms; a broken rule goes beside the field it names, so the form is shown again with the
 * user's input.
 */
final class FormErrors {

    static final String CONFLICT = "problem.conflict";

    private FormErrors() {
    }

    /**
     * Saves a form that passed validation: {@code save} does it and answers where to go next, and the page there says
     * it was saved. A broken rule or a refused duplicate is put on the form instead, and the answer is empty: the
     * caller shows the form again.
     */
    static Optional<String> save(BindingResult result, RedirectAttributes redirect, Supplier<String> save) {
        if (result.hasErrors()) {
            return Optional.empty();
        }
        try {
            String next = save.get();
            redirect.addFlashAttribute("notice", "org.notice.saved");
            return Optional.of(next);
        } catch (BusinessRuleViolation e) {
            reject(result, e);
        } catch (DataIntegrityViolationException e) {
            conflict(result);
        }
        return Optional.empty();
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
