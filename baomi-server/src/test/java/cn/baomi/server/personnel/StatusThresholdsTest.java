package cn.baomi.server.personnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import cn.baomi.server.shared.ClearanceLevel;

/** The roster's SQL day limits say exactly what {@link FileStatuses} says, across month ends and leap days. */
class StatusThresholdsTest {

    private final PersonnelSettings settings = new PersonnelSettings(new PersonnelSettings.ReviewInterval(Period.ofYears(1),
            Period.ofMonths(18), Period.parse("P5Y")), 30, Period.ofYears(1), DataSize.ofMegabytes(5),
            new PersonnelSettings.CoolOff(Period.ofYears(3), Period.ofYears(2), Period.ofYears(1)));

    @Test
    void dayLimitsAgreeWithTheFileStatusOnEveryDay() {
        for (LocalDate today : List.of(LocalDate.of(2024, 2, 29), LocalDate.of(2025, 3, 31), LocalDate.of(2026, 1, 31),
                LocalDate.of(2026, 11, 23))) {
            StatusThresholds t = StatusThresholds.of(settings, today);
            for (LocalDate review = today.minusYears(6); !review.isAfter(today); review = review.plusDays(1)) {
                for (ClearanceLevel level : List.of(ClearanceLevel.CORE, ClearanceLevel.IMPORTANT, ClearanceLevel.GENERAL)) {
                    LocalDate due = settings.reviewDue(level, review);
                    boolean overdue = due.isBefore(today);
                    boolean soon = !overdue && !due.isAfter(today.plusDays(30));
                    assertThat(!review.isAfter(overdue(t, level))).as(level + " overdue " + review + " on " + today)
                            .isEqualTo(overdue);
                    assertThat(review.isAfter(overdue(t, level)) && !review.isAfter(soon(t, level)))
                            .as(level + " due soon " + review + " on " + today).isEqualTo(soon);
                }
                assertThat(!review.isAfter(t.commitmentStale())).as("commitment " + review + " on " + today)
                        .isEqualTo(review.plus(settings.commitmentValidity()).isBefore(today));
            }
        }
    }

    private static LocalDate overdue(StatusThresholds t, ClearanceLevel level) {
        return switch (level) {
            case CORE -> t.overdueCore();
            case IMPORTANT -> t.overdueImportant();
            default -> t.overdueGeneral();
        };
    }

    private static LocalDate soon(StatusThresholds t, ClearanceLevel level) {
        return switch (level) {
            case CORE -> t.soonCore();
            case IMPORTANT -> t.soonImportant();
            default -> t.soonGeneral();
        };
    }
}
