package cn.baomi.server.organization;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import cn.baomi.server.shared.BusinessRuleViolation;

/**
 * A resident ID number of the right shape (length, digits, birth date, check digit), checked with the form's other
 * fields so that the page and the API name every wrong field at once. Empty passes: a new person's number is
 * required by the service, an edit keeps the stored one. Whether it is taken is the service's to say.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = IdNumberShape.Check.class)
@interface IdNumberShape {

    String message() default "{org.person.idNumber.format}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<IdNumberShape, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || value.isBlank()) {
                return true;
            }
            try {
                IdNumbers.normalise(value);
                return true;
            } catch (BusinessRuleViolation wrong) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate("{" + wrong.messageKey() + "}").addConstraintViolation();
                return false;
            }
        }
    }
}
