package cn.baomi.server.shared;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * A request that breaks a rule of the domain. Carries a message key (resolved in the user's language)
 * and, when the rule concerns one input, the field it names. Answered with 422 in the API and shown
 * beside the field in the pages.
 */
public class BusinessRuleViolation extends RuntimeException {

    private final String field;
    private final String messageKey;
    private final transient Object[] arguments;

    public BusinessRuleViolation(String field, String messageKey, Object... arguments) {
        super(messageKey);
        this.field = field;
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    public static BusinessRuleViolation of(String messageKey, Object... arguments) {
        return new BusinessRuleViolation(null, messageKey, arguments);
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments;
    }

    /** The message in the language of the current request; the key itself when the bundles have no such message. */
    public String text(MessageSource messages) {
        return messages.getMessage(messageKey, arguments, messageKey, LocaleContextHolder.getLocale());
    }

    /**
     * The message after the label of the field it names ("日期：日期不能晚于今天。"), for a page that shows it above
     * its form; the label is message {@code labelPrefix + field}.
     */
    public String labelledText(MessageSource messages, String labelPrefix) {
        String label = field == null ? "" : messages.getMessage(labelPrefix + field, null, field,
                LocaleContextHolder.getLocale()) + "：";
        return label + text(messages);
    }
}
