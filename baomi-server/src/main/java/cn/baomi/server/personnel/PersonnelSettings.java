package cn.baomi.server.personnel;

import java.time.LocalDate;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import cn.baomi.server.shared.ClearanceLevel;

/**
 * {@code baomi.personnel.*}: the re-review interval per level (domain.md §3: commonly core yearly, important every
 * 3 years, general every 5), how long before the due date a re-review shows as a to-do, how long a commitment
 * counts as current, and the limits for scanned copies.
 */
@ConfigurationProperties("baomi.personnel")
record PersonnelSettings(@DefaultValue ReviewInterval reviewInterval, @DefaultValue("30") int reviewDueSoonDays,
                         @DefaultValue("P1Y") Period commitmentValidity, @DefaultValue("5MB") DataSize maxScanSize) {

    record ReviewInterval(@DefaultValue("P1Y") Period core, @DefaultValue("P3Y") Period important,
                          @DefaultValue("P5Y") Period general) {
    }

    /** When the next re-review is due after a review on {@code last}; null for no clearance. */
    LocalDate reviewDue(ClearanceLevel level, LocalDate last) {
        return switch (level) {
            case CORE -> last.plus(reviewInterval.core());
            case IMPORTANT -> last.plus(reviewInterval.important());
            case GENERAL -> last.plus(reviewInterval.general());
            case NONE -> null;
        };
    }
}
