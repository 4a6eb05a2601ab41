package cn.baomi.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import cn.baomi.server.support.TestDatabase;

/**
 * V72 makes the rows written before it line 1, at the positions they had, and starts the global numbers after them:
 * the old chain verifies as it did and new records continue it. On H2, and on PostgreSQL when the build runs the
 * PostgreSQL suites.
 */
@Tag("db")
class AuditLinesMigrationTest {

    @Test
    void existingRowsStayValidAfterTheMigration() {
        SingleConnectionDataSource dataSource = dataSource();
        try {
            configure(dataSource).target("71").load().migrate();
            JdbcClient jdbc = JdbcClient.create(dataSource);
            String prev = AuditChain.GENESIS;
            Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            for (long seq = 1; seq <= 3; seq++) {
                String hash = AuditChain.hash(prev, seq, at, "before", "STAFF", "NOTE", "n", "n" + seq, "SUCCESS",
                        "written before V72", null);
                jdbc.sql("""
                        insert into audit_events (seq, occurred_at, actor, actor_roles, action, target_type, target_id,
                            outcome, detail, client_address, prev_hash, hash)
                        values (?, ?, 'before', 'STAFF', 'NOTE', 'n', ?, 'SUCCESS', 'written before V72', null, ?, ?)""")
                        .params(seq, AuditEvents.utc(at), "n" + seq, prev, hash).update();
                prev = hash;
            }
            jdbc.sql("update audit_chain_head set last_seq = 3, last_hash = ? where id = 1").param(prev).update();

            configure(dataSource).load().migrate();

            AuditEvents events = new AuditEvents(jdbc, new JdbcTemplate(dataSource));
            List<AuditEvent> before = jdbc.sql("select * from audit_events order by seq").query(AuditEvents::map).list();
            assertThat(before).extracting(AuditEvent::line).containsOnly(1);
            assertThat(before).extracting(AuditEvent::lineSeq).containsExactly(1L, 2L, 3L);
            List<AuditEvents.Head> heads = events.heads();
            assertThat(heads).hasSize(8).first().isEqualTo(new AuditEvents.Head(1, 3, prev));
            assertThat(heads.subList(1, 8)).extracting(AuditEvents.Head::line).containsExactly(2, 3, 4, 5, 6, 7, 8);
            assertThat(heads.subList(1, 8)).allSatisfy(head -> {
                assertThat(head.lastSeq()).isZero();
                assertThat(head.lastHash()).isEqualTo(AuditChain.GENESIS);
            });
            AuditVerifier verifier = new AuditVerifier(events);
            assertThat(verifier.verify()).isEqualTo(AuditVerifier.Verification.intactWith(3));

            new AuditTrail(events).recordAs("after", "STAFF", AuditRecord.success("NOTE", "n", "n4"));

            AuditEvent after = jdbc.sql("select * from audit_events where actor = 'after'").query(AuditEvents::map)
                    .single();
            assertThat(after.seq()).as("numbered after the rows before").isEqualTo(4);
            assertThat(after.line()).isEqualTo(1);
            assertThat(after.lineSeq()).isEqualTo(4);
            assertThat(after.prevHash()).isEqualTo(prev);
            assertThat(verifier.verify()).isEqualTo(AuditVerifier.Verification.intactWith(4));
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
        return new SingleConnectionDataSource("jdbc:h2:mem:" + name
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "", true);
    }
}
