package cn.baomi.server.carrier;

import java.time.LocalDate;

import cn.baomi.server.shared.BusinessRuleViolation;

/**
 * A duration of secrecy (保密期限): years, months, until a date, until a condition, long-term (长期), or the
 * level alone, which means the legal maximum (30/20/10 years). Longer than the maximum is refused.
 */
record SecrecyDuration(Kind kind, Integer amount, LocalDate until, String condition) {

    enum Kind { YEARS, MONTHS, UNTIL_DATE, UNTIL_CONDITION, LONG_TERM, DEFAULT }

    static final String FIELD = "durationKind";

    /** Checks the duration against the level's maximum; {@code today} is the day it is set. */
    static SecrecyDuration of(Kind kind, Integer amount, LocalDate until, String condition, SecretLevel level,
                              LocalDate today) {
        if (kind == null) {
            throw new BusinessRuleViolation(FIELD, "carrier.duration.required");
        }
        int max = level.maximumYears();
        return switch (kind) {
            case YEARS -> {
                requireAmount(amount, max, "durationAmount", max);
                yield new SecrecyDuration(kind, amount, null, null);
            }
            case MONTHS -> {
                requireAmount(amount, max * 12, "durationAmount", max);
                yield new SecrecyDuration(kind, amount, null, null);
            }
            case UNTIL_DATE -> {
                if (until == null || !until.isAfter(today)) {
                    throw new BusinessRuleViolation("durationUntil", "carrier.duration.dateInFuture");
                }
                if (until.isAfter(today.plusYears(max))) {
                    throw new BusinessRuleViolation("durationUntil", "carrier.duration.overMaximum", max);
                }
                yield new SecrecyDuration(kind, null, until, null);
            }
            case UNTIL_CONDITION -> {
                if (condition == null || condition.isBlank() || condition.strip().length() > 200) {
                    throw new BusinessRuleViolation("durationCondition", "carrier.duration.conditionRequired");
                }
                yield new SecrecyDuration(kind, null, null, condition.strip());
            }
            case LONG_TERM, DEFAULT -> new SecrecyDuration(kind, null, null, null);
        };
    }

    private static void requireAmount(Integer amount, int limit, String field, int maxYears) {
        if (amount == null || amount < 1) {
            throw new BusinessRuleViolation(field, "carrier.duration.amountPositive");
        }
        if (amount > limit) {
            throw new BusinessRuleViolation(field, "carrier.duration.overMaximum", maxYears);
        }
    }

    /** The years the level alone stands for, when the kind is {@code DEFAULT}. */
    Integer effectiveYears(SecretLevel level) {
        return kind == Kind.DEFAULT ? level.maximumYears() : kind == Kind.YEARS ? amount : null;
    }
}
