package cn.baomi.server.personnel;

import java.time.LocalDate;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import cn.baomi.server.shared.ClearanceLevel;

/**
 * {@code baomi.personnel.*}, all settings of the personnel module in one record: the re-review interval per level
 * (domain.md §3: commonly core yearly, important every 3 years, general every 5), how long before the due date a
 * re-review shows as a to-do, how long a commitment counts as current, the limit for scanned copies, and the length
 * of the cool-off period (脱密期) per level ({@code cool-off.*}). Periods are ISO ({@code P3Y}) or short ({@code 3y}).
 */
@ConfigurationProperties("baomi.personnel")
public record PersonnelSettings(@DefaultValue ReviewInterval reviewInterval, @DefaultValue("30") int reviewDueSoonDays,
                                @DefaultValue("P1Y") Period commitmentValidity, @DefaultValue("5MB") DataSize maxScanSize,
                                @DefaultValue CoolOff coolOff) {

    public record ReviewInterval(@DefaultValue("P1Y") Period core, @DefaultValue("P3Y") Period important,
                                 @DefaultValue("P5Y") Period general) {
    }

    /**
     * The cool-off length per level. The sources give ranges (core 3–5 years, important 2–3, general 1–2); the
     * defaults are the lower ends, which the unit lengthens when its rules ask for more.
     */
    public record CoolOff(@DefaultValue("P3Y") Period core, @DefaultValue("P2Y") Period important,
                          @DefaultValue("P1Y") Period general) {

        public Period of(ClearanceLevel level) {
            return switch (level) {
                case CORE -> core;
                case IMPORTANT -> important;
                case GENERAL -> general;
                case NONE -> throw new IllegalArgumentException("no cool-off without a clearance");
            };
        }

        /** The last day of a cool-off starting on {@code start}: one year from 1 March ends on 28/29 February. */
        public LocalDate endOf(ClearanceLevel level, LocalDate start) {
            return start.plus(of(level)).minusDays(1);
        }
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
