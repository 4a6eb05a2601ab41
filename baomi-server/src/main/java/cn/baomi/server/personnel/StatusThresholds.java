package cn.baomi.server.personnel;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Predicate;

import cn.baomi.server.shared.ClearanceLevel;

/**
 * The statuses of {@link FileStatuses} turned into day limits for SQL, for one day: a re-review is overdue when the
 * last passed review lies on or before {@code overdue(level)} (its due date is before today), due soon when after
 * that but on or before {@code soon(level)}; a commitment is out of date when signed on or before
 * {@code commitmentStale}. Each limit is the last day for which the rule of {@link FileStatuses} holds, found by
 * bisection over the settings' own date arithmetic, so month ends and leap days come out the same in both.
 */
record StatusThresholds(LocalDate today, LocalDate overdueCore, LocalDate overdueImportant, LocalDate overdueGeneral,
                        LocalDate soonCore, LocalDate soonImportant, LocalDate soonGeneral, LocalDate commitmentStale) {

    static StatusThresholds of(PersonnelSettings settings, LocalDate today) {
        LocalDate soonLimit = today.plusDays(settings.reviewDueSoonDays());
        return new StatusThresholds(today,
                lastDay(d -> settings.reviewDue(ClearanceLevel.CORE, d).isBefore(today), today),
                lastDay(d -> settings.reviewDue(ClearanceLevel.IMPORTANT, d).isBefore(today), today),
                lastDay(d -> settings.reviewDue(ClearanceLevel.GENERAL, d).isBefore(today), today),
                lastDay(d -> !settings.reviewDue(ClearanceLevel.CORE, d).isAfter(soonLimit), today),
                lastDay(d -> !settings.reviewDue(ClearanceLevel.IMPORTANT, d).isAfter(soonLimit), today),
                lastDay(d -> !settings.reviewDue(ClearanceLevel.GENERAL, d).isAfter(soonLimit), today),
                lastDay(d -> d.plus(settings.commitmentValidity()).isBefore(today), today));
    }

    void putInto(Map<String, Object> params) {
        params.put("overdueCore", java.sql.Date.valueOf(overdueCore));
        params.put("overdueImportant", java.sql.Date.valueOf(overdueImportant));
        params.put("overdueGeneral", java.sql.Date.valueOf(overdueGeneral));
        params.put("soonCore", java.sql.Date.valueOf(soonCore));
        params.put("soonImportant", java.sql.Date.valueOf(soonImportant));
        params.put("soonGeneral", java.sql.Date.valueOf(soonGeneral));
        params.put("commitmentStale", java.sql.Date.valueOf(commitmentStale));
    }

    /**
     * The last day up to {@code today} for which {@code holds} is true, given that it holds for every earlier day
     * once it holds for one (adding a period never moves a later day before an earlier one); a day before the range
     * when it holds for none.
     */
    static LocalDate lastDay(Predicate<LocalDate> holds, LocalDate today) {
        LocalDate low = today.minusYears(300);
        if (!holds.test(low)) {
            return low.minusDays(1);
        }
        if (holds.test(today)) {
            return today;
        }
        LocalDate high = today;
        while (ChronoUnit.DAYS.between(low, high) > 1) {
            LocalDate middle = low.plusDays(ChronoUnit.DAYS.between(low, high) / 2);
            if (holds.test(middle)) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
