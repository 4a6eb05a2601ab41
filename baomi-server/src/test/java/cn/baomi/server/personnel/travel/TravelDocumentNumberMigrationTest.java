package cn.baomi.server.personnel.travel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import cn.baomi.server.shared.crypto.Sm4Cipher;
import cn.baomi.server.shared.crypto.Sm4Keys;
import cn.baomi.server.support.TestDatabase;

/**
 * V67 encrypts the travel document numbers stored before it, with the application's SM4 key (given to Flyway as
 * placeholders), and drops the plain column; uniqueness then rests on the keyed digest. On H2, and on PostgreSQL
 * when the build runs the PostgreSQL suites.
 */
@Tag("db")
class TravelDocumentNumberMigrationTest {

    private static final String KEY = "00112233445566778899aabbccddeeff";

    @Test
    void numbersStoredBeforeV67AreEncryptedWithTheApplicationKey() {
        SingleConnectionDataSource dataSource = dataSource();
        try {
            migrateWithStoredNumbers(dataSource);
        } finally {
            dataSource.destroy();
        }
    }

    private void migrateWithStoredNumbers(SingleConnectionDataSource dataSource) {
        configure(dataSource).target("65").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("insert into units (code, name, created_at) values ('MIG', '迁移测试局', current_timestamp)").update();
        long unit = jdbc.sql("select id from units where code = 'MIG'").query(Long.class).single();
        jdbc.sql("""
                insert into persons (unit_id, name, id_number_cipher, id_number_digest, id_number_masked, employment_type,
                    clearance, created_at, updated_at)
                values (?, '出境人', 'x', 'd', 'm', 'REGULAR', 'CORE', current_timestamp, current_timestamp)""")
                .param(unit).update();
        long person = jdbc.sql("select id from persons where unit_id = ?").param(unit).query(Long.class).single();
        for (String number : List.of("E12345678", "HK9876543")) {
            jdbc.sql("""
                    insert into travel_documents (unit_id, person_id, kind, number, status, registered_by, registered_at)
                    values (?, ?, ?, ?, 'KEPT', 'office', current_timestamp)""")
                    .params(unit, person, number.startsWith("E") ? "PASSPORT" : "HK_MACAO_PERMIT", number).update();
        }

        configure(dataSource).placeholders(Map.of("baomi-sm4-key", KEY, "baomi-data-dir", "target/unused")).load().migrate();

        Sm4Cipher cipher = Sm4Keys.cipher(KEY, "target/unused");
        List<Map<String, Object>> rows = jdbc.sql("select * from travel_documents order by id").query().listOfRows();
        assertThat(rows).extracting(r -> r.get("number_masked")).containsExactly("******678", "******543");
        assertThat(rows).extracting(r -> cipher.decrypt((String) r.get("number_cipher")))
                .containsExactly("E12345678", "HK9876543");
        assertThat(rows).extracting(r -> r.get("number_digest"))
                .containsExactly(cipher.digest("E12345678"), cipher.digest("HK9876543"));
        assertThat(rows.get(0)).doesNotContainKey("number");
        assertThatThrownBy(() -> jdbc.sql("""
                insert into travel_documents (unit_id, person_id, kind, number_cipher, number_digest, number_masked, status,
                    registered_by, registered_at) values (?, ?, 'PASSPORT', 'c', ?, 'm', 'KEPT', 'office', current_timestamp)""")
                .params(unit, person, cipher.digest("E12345678")).update())
                .as("the digest keeps a number unique per kind").isInstanceOf(RuntimeException.class);
    }

    @Test
    void anEmptyRegisterNeedsNoKey() {
        SingleConnectionDataSource dataSource = dataSource();
        try {
            configure(dataSource).load().migrate();
            assertThat(JdbcClient.create(dataSource).sql("select count(*) from person_directory").query(Long.class)
                    .single()).isZero();
        } finally {
            dataSource.destroy();
        }
    }

    private static FluentConfiguration configure(SingleConnectionDataSource dataSource) {
        FluentConfiguration flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
        if (TestDatabase.onPostgres()) {
            String schema = dataSource.getSchema();
            flyway.schemas(schema).defaultSchema(schema).createSchemas(true);
        }
        return flyway;
    }

    private static SingleConnectionDataSource dataSource() {
        String name = "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        if (TestDatabase.onPostgres()) {
            String url = System.getenv("BAOMI_TEST_POSTGRES_URL");
            SingleConnectionDataSource dataSource = new SingleConnectionDataSource(
                    url + (url.contains("?") ? "&" : "?") + "currentSchema=" + name,
                    System.getenv().getOrDefault("BAOMI_TEST_POSTGRES_USER", "postgres"),
                    System.getenv().getOrDefault("BAOMI_TEST_POSTGRES_PASSWORD", ""), true);
            dataSource.setSchema(name);
            return dataSource;
        }
        // One connection throughout, as the application's pool keeps them: H2 ties a check constraint to the session
        // that created it.
        return new SingleConnectionDataSource("jdbc:h2:mem:" + name
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "", true);
    }
}
