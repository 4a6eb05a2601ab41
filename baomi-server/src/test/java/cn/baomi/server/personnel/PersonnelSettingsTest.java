package cn.baomi.server.personnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

import cn.baomi.server.shared.ClearanceLevel;

/**
 * All of {@code baomi.personnel.*} binds to one record: the re-review intervals and the cool-off lengths (脱密期)
 * are configuration; cool-off defaults core 3, important 2, general 1 years, and a unit may lengthen them.
 */
class PersonnelSettingsTest {

    private static PersonnelSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("baomi.personnel", PersonnelSettings.class);
    }

    @Test
    void coolOffDefaultsFollowTheLevel() {
        PersonnelSettings.CoolOff defaults = bind(Map.of()).coolOff();
        LocalDate start = LocalDate.of(2026, 3, 1);
        assertThat(defaults.endOf(ClearanceLevel.CORE, start)).isEqualTo(LocalDate.of(2029, 2, 28));
        assertThat(defaults.endOf(ClearanceLevel.IMPORTANT, start)).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(defaults.endOf(ClearanceLevel.GENERAL, start)).isEqualTo(LocalDate.of(2027, 2, 28));
    }

    @Test
    void coolOffLengthsComeFromTheConfiguration() {
        PersonnelSettings.CoolOff longer = bind(Map.of("baomi.personnel.cool-off.core", "5y",
                "baomi.personnel.cool-off.general", "18m")).coolOff();
        LocalDate start = LocalDate.of(2026, 11, 23);
        assertThat(longer.endOf(ClearanceLevel.CORE, start)).isEqualTo(LocalDate.of(2031, 11, 22));
        assertThat(longer.endOf(ClearanceLevel.IMPORTANT, start)).isEqualTo(LocalDate.of(2028, 11, 22));
        assertThat(longer.endOf(ClearanceLevel.GENERAL, start)).isEqualTo(LocalDate.of(2028, 5, 22));
    }

    @Test
    void oneRecordBindsEveryPersonnelSettingUnderItsOldName() {
        PersonnelSettings settings = bind(Map.of(
                "baomi.personnel.review-interval.important", "P2Y",
                "baomi.personnel.review-due-soon-days", "14",
                "baomi.personnel.commitment-validity", "P2Y",
                "baomi.personnel.max-scan-size", "2MB",
                "baomi.personnel.cool-off.important", "P3Y"));
        assertThat(settings.reviewInterval().important()).isEqualTo(Period.ofYears(2));
        assertThat(settings.reviewInterval().core()).isEqualTo(Period.ofYears(1));
        assertThat(settings.reviewDueSoonDays()).isEqualTo(14);
        assertThat(settings.commitmentValidity()).isEqualTo(Period.ofYears(2));
        assertThat(settings.maxScanSize()).isEqualTo(DataSize.ofMegabytes(2));
        assertThat(settings.coolOff().of(ClearanceLevel.IMPORTANT)).isEqualTo(Period.ofYears(3));
        assertThat(settings.coolOff().of(ClearanceLevel.CORE)).isEqualTo(Period.ofYears(3));
    }
}
