package cn.baomi.server.support;

import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives each test application context a database of its own: an in-memory H2 in PostgreSQL mode by
 * default, or, when the build runs the PostgreSQL suites ({@code -Dbaomi.test.db=postgres} with
 * {@code BAOMI_TEST_POSTGRES_URL} set), a fresh schema on that server.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static boolean onPostgres() {
        return "postgres".equals(System.getProperty("baomi.test.db"));
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String name = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        Map<String, Object> properties;
        if (onPostgres()) {
            String url = System.getenv("BAOMI_TEST_POSTGRES_URL");
            if (url == null || url.isBlank()) {
                throw new IllegalStateException("baomi.test.db=postgres needs BAOMI_TEST_POSTGRES_URL");
            }
            String separator = url.contains("?") ? "&" : "?";
            properties = Map.of(
                    "spring.datasource.url", url + separator + "currentSchema=" + name,
                    "spring.datasource.username", System.getenv().getOrDefault("BAOMI_TEST_POSTGRES_USER", "postgres"),
                    "spring.datasource.password", System.getenv().getOrDefault("BAOMI_TEST_POSTGRES_PASSWORD", ""),
                    "spring.flyway.schemas", name,
                    "spring.flyway.default-schema", name,
                    "spring.flyway.create-schemas", "true");
        } else {
            properties = Map.of(
                    "spring.datasource.url", "jdbc:h2:mem:" + name
                            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
                    "spring.datasource.username", "sa",
                    "spring.datasource.password", "");
        }
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("baomiTestDatabase", properties));
    }
}
