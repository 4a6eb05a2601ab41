package cn.baomi.server.personnel.exit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import cn.baomi.server.shared.ClearanceLevel;

/** The cool-off lengths (脱密期) are configuration: defaults core 3, important 2, general 1 years; a unit may lengthen them. */
class CoolOffSettingsTest {

    private static CoolOffSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("baomi.personnel.cool-off", CoolOffSettings.class);
    }

    @Test
    void coolOffDefaultsFollowTheLevel() {
        CoolOffSettings defaults = bind(Map.of());
        LocalDate start = LocalDate.of(2026, 3, 1);
        assertThat(defaults.endOf(ClearanceLevel.CORE, start)).isEqualTo(LocalDate.of(2029, 2, 28));
        assertThat(defaults.endOf(ClearanceLevel.IMPORTANT, start)).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(defaults.endOf(ClearanceLevel.GENERAL, start)).isEqualTo(LocalDate.of(2027, 2, 28));
    }

    @Test
    void coolOffLengthsComeFromTheConfiguration() {
        CoolOffSettings longer = bind(Map.of("baomi.personnel.cool-off.core", "5y",
                "baomi.personnel.cool-off.general", "18m"));
        LocalDate start = LocalDate.of(2026, 11, 23);
        assertThat(longer.endOf(ClearanceLevel.CORE, start)).isEqualTo(LocalDate.of(2031, 11, 22));
        assertThat(longer.endOf(ClearanceLevel.IMPORTANT, start)).isEqualTo(LocalDate.of(2028, 11, 22));
        assertThat(longer.endOf(ClearanceLevel.GENERAL, start)).isEqualTo(LocalDate.of(2028, 5, 22));
    }
}
