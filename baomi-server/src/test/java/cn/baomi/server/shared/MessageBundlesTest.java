package cn.baomi.server.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** Chinese first, English second: every message exists in both bundles, and none is left empty. */
class MessageBundlesTest {

    private static Properties load(String name) throws Exception {
        Properties properties = new Properties();
        try (var in = new InputStreamReader(MessageBundlesTest.class.getResourceAsStream("/i18n/" + name),
                StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }

    @Test
    void everyMessageExistsInChineseAndEnglish() throws Exception {
        Properties chinese = load("messages.properties");
        Properties english = load("messages_en.properties");
        assertThat(english.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(chinese.stringPropertyNames());
        assertThat(chinese.values()).allSatisfy(v -> assertThat(v.toString()).isNotBlank());
        assertThat(english.values()).allSatisfy(v -> assertThat(v.toString()).isNotBlank());
    }

    @Test
    void theDefaultBundleIsChinese() throws Exception {
        assertThat(load("messages.properties").getProperty("app.name")).isEqualTo("保密管理系统");
    }
}
