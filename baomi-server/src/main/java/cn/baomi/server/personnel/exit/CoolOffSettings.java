package cn.baomi.server.personnel.exit;

import java.time.LocalDate;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import cn.baomi.server.shared.ClearanceLevel;

/**
 * The length of the cool-off period (脱密期) per level, {@code baomi.personnel.cool-off.*} (an ISO period, e.g. {@code P3Y}).
 * The sources give ranges (core 3–5 years, important 2–3, general 1–2, domain.md §3); the defaults are the
 * lower ends, which the unit lengthens here when its rules ask for more.
 */
@ConfigurationProperties("baomi.personnel.cool-off")
record CoolOffSettings(@DefaultValue("P3Y") Period core, @DefaultValue("P2Y") Period important,
                       @DefaultValue("P1Y") Period general) {

    Period of(ClearanceLevel level) {
        return switch (level) {
            case CORE -> core;
            case IMPORTANT -> important;
            case GENERAL -> general;
            case NONE -> throw new IllegalArgumentException("no cool-off without a clearance");
        };
    }

    /** The last day of a cool-off starting on {@code start}: a cool-off of one year from 1 March ends on 28/29 February. */
    LocalDate endOf(ClearanceLevel level, LocalDate start) {
        return start.plus(of(level)).minusDays(1);
    }
}
