package cn.baomi.server.shared.web;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.ErrorResponseException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.exc.MismatchedInputException;

import cn.baomi.server.shared.BusinessRuleViolation;
import cn.baomi.server.shared.NotFound;
import cn.baomi.server.shared.RecordNotFound;

/**
 * RFC 9457 problem details for the JSON API, in the caller's language. Field errors come as
 * {@code errors: [{field, message}]} so a client can show each beside its input. Pages are not
 * concerned: their errors go to the HTML error pages.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = RestController.class)
class ApiProblems {

    private final MessageSource messages;
    private final ApplicationEventPublisher events;

    ApiProblems(MessageSource messages, ApplicationEventPublisher events) {
        this.messages = messages;
        this.events = events;
    }

    @ExceptionHandler(BindException.class)
    ProblemDetail invalid(BindException e) {
        List<Map<String, String>> errors = e.getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", message(f)))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, "problem.invalid", "invalid-input", errors);
    }

    @ExceptionHandler(BusinessRuleViolation.class)
    ProblemDetail violated(BusinessRuleViolation e) {
        String message = e.text(messages);
        List<Map<String, String>> errors = e.field() == null ? List.of()
                : List.of(Map.of("field", e.field(), "message", message));
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "problem.rule", "rule-violated", errors);
        problem.setDetail(message);
        return problem;
    }

    /**
     * A body that is not JSON is "unreadable"; JSON with a value of the wrong kind for a field (a word where a
     * number belongs, a level that does not exist) names the field, and for a choice the values allowed.
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof MismatchedInputException wrong && !wrong.getPath().isEmpty()) {
            String field = wrong.getPath().stream().map(r -> r.getPropertyName() != null ? r.getPropertyName()
                    : String.valueOf(r.getIndex())).collect(Collectors.joining("."));
            String message = messages.getMessage("typeMismatch", null, LocaleContextHolder.getLocale());
            Class<?> type = wrong.getTargetType();
            if (type != null && type.isEnum()) {
                message = messages.getMessage("problem.choice", new Object[] {Arrays.stream(type.getEnumConstants())
                        .map(String::valueOf).collect(Collectors.joining(", "))}, LocaleContextHolder.getLocale());
            }
            return problem(HttpStatus.BAD_REQUEST, "problem.invalid", "invalid-input",
                    List.of(Map.of("field", field, "message", message)));
        }
        return problem(HttpStatus.BAD_REQUEST, "problem.unreadable", "unreadable-body", List.of());
    }

    @ExceptionHandler(TypeMismatchException.class)
    ProblemDetail mismatch(TypeMismatchException e) {
        String field = e.getPropertyName() == null ? "?" : e.getPropertyName();
        String message = messages.getMessage("typeMismatch", null, LocaleContextHolder.getLocale());
        return problem(HttpStatus.BAD_REQUEST, "problem.invalid", "invalid-input",
                List.of(Map.of("field", field, "message", message)));
    }

    /** Spring MVC's own errors (unsupported method or media type, missing parameter …), with a title in the user's language. */
    @ExceptionHandler(ErrorResponseException.class)
    ProblemDetail standard(ErrorResponseException e) {
        return problem(HttpStatus.valueOf(e.getStatusCode().value()), "problem.request", "request", List.of());
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound e, HttpServletRequest request) {
        events.publishEvent(RecordNotFound.of(e, request));
        return problem(HttpStatus.NOT_FOUND, "problem.notFound", "not-found", List.of());
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail conflict(DataIntegrityViolationException e) {
        return problem(HttpStatus.CONFLICT, "problem.conflict", "conflict", List.of());
    }

    private ProblemDetail problem(HttpStatus status, String titleKey, String type, List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create("urn:baomi:problem:" + type));
        problem.setTitle(messages.getMessage(titleKey, null, LocaleContextHolder.getLocale()));
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    private String message(FieldError error) {
        return messages.getMessage(error, LocaleContextHolder.getLocale());
    }
}
