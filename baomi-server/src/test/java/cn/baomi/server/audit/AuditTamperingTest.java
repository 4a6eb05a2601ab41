package cn.baomi.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import cn.baomi.server.support.BaomiTest;

/**
 * Changes and removes rows behind the application's back, through plain JDBC, and expects the
 * verification to name the first broken link. Runs in a context (and database) of its own, and puts
 * every row back after each test so the next one starts from an intact chain.
 */
@BaomiTest
@TestPropertySource(properties = "baomi.test.context=audit-tamper")
class AuditTamperingTest {

    @Autowired
    AuditTrail trail;
    @Autowired
    AuditVerifier verifier;
    @Autowired
    AuditEvents events;
    @Autowired
    JdbcClient jdbc;

    List<AuditEvent> written;

    @BeforeEach
    void writeFiveRows() {
        String actor = AuditTrailTest.unique("tamper");
        for (int i = 1; i <= 5; i++) {
            trail.recordAs(actor, "STAFF", AuditRecord.success("CARRIER_REGISTERED", "carrier", i)
                    .withDetail("载体 " + i));
        }
        written = jdbc.sql("select * from audit_events where actor = ? order by seq").param(actor)
                .query(AuditEvents::map).list();
        assertThat(verifier.verify().intact()).isTrue();
    }

    @AfterEach
    void chainIsIntactAgainOnceRestored() {
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void alteringOneRowIsNamedByVerification() {
        AuditEvent row = written.get(2);
        jdbc.sql("update audit_events set detail = ? where seq = ?").params("载体 99", row.seq()).update();

        assertBrokenAt(row.seq(), AuditVerifier.ALTERED);
        restore(row);
    }

    @Test
    void alteringTheActorIsNamedByVerification() {
        AuditEvent row = written.get(1);
        jdbc.sql("update audit_events set actor = ? where seq = ?").params("someone-else", row.seq()).update();

        assertBrokenAt(row.seq(), AuditVerifier.ALTERED);
        restore(row);
    }

    @Test
    void removingARowIsDetected() {
        AuditEvent row = written.get(2);
        jdbc.sql("delete from audit_events where seq = ?").param(row.seq()).update();

        assertBrokenAt(row.seq(), AuditVerifier.MISSING);
        insert(row);
    }

    @Test
    void removingTheLastRowIsDetected() {
        AuditEvent row = written.get(4);
        assertThat(events.head().lastSeq()).isEqualTo(row.seq());
        jdbc.sql("delete from audit_events where seq = ?").param(row.seq()).update();

        assertBrokenAt(row.seq(), AuditVerifier.MISSING);
        insert(row);
    }

    @Test
    void relinkingIsDetected() {
        AuditEvent row = written.get(3);
        String skipped = written.get(1).hash();
        jdbc.sql("update audit_events set prev_hash = ? where seq = ?").params(skipped, row.seq()).update();

        assertBrokenAt(row.seq(), AuditVerifier.LINK);
        restore(row);
    }

    @Test
    void rewritingARowWithAFreshHashBreaksTheNextLink() {
        AuditEvent row = written.get(2);
        AuditEvent forged = withDetail(row, "载体 99");
        jdbc.sql("update audit_events set detail = ?, hash = ? where seq = ?")
                .params(forged.detail(), forged.hash(), row.seq()).update();

        assertBrokenAt(written.get(3).seq(), AuditVerifier.LINK);
        restore(row);
    }

    @Test
    void rewritingTheLastRowWithAFreshHashIsCaughtByTheHead() {
        AuditEvent row = written.get(4);
        AuditEvent forged = withDetail(row, "载体 99");
        jdbc.sql("update audit_events set detail = ?, hash = ? where seq = ?")
                .params(forged.detail(), forged.hash(), row.seq()).update();

        assertBrokenAt(row.seq(), AuditVerifier.ALTERED);
        restore(row);
    }

    @Test
    void theCommandExitsWithOneAndNamesTheBrokenRecord() {
        AuditEvent row = written.get(2);
        jdbc.sql("update audit_events set detail = ? where seq = ?").params("载体 99", row.seq()).update();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = AuditCommand.report(verifier, print(out), print(new ByteArrayOutputStream()));

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("第 " + row.seq() + " 条").contains("内容被篡改")
                .contains("record " + row.seq()).contains("content altered");
        restore(row);
    }

    @Test
    void theCommandExitsWithZeroWhenIntact() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = AuditCommand.report(verifier, print(out), print(new ByteArrayOutputStream()));

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .startsWith("审计链完整，共校验 " + events.head().lastSeq() + " 条").contains("Audit chain intact");
    }

    private void assertBrokenAt(long seq, String problem) {
        AuditVerifier.Verification result = verifier.verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.brokenSeq()).isEqualTo(seq);
        assertThat(result.problem()).isEqualTo(problem);
        assertThat(result.checked()).isEqualTo(seq - 1);
    }

    private static AuditEvent withDetail(AuditEvent e, String detail) {
        AuditEvent changed = new AuditEvent(e.seq(), e.occurredAt(), e.actor(), e.actorRoles(), e.action(),
                e.targetType(), e.targetId(), e.outcome(), detail, e.clientAddress(), e.prevHash(), null);
        return new AuditEvent(e.seq(), e.occurredAt(), e.actor(), e.actorRoles(), e.action(), e.targetType(),
                e.targetId(), e.outcome(), detail, e.clientAddress(), e.prevHash(), AuditChain.hash(changed));
    }

    private void restore(AuditEvent row) {
        jdbc.sql("delete from audit_events where seq = ?").param(row.seq()).update();
        insert(row);
    }

    private void insert(AuditEvent e) {
        jdbc.sql("insert into audit_events (seq, occurred_at, actor, actor_roles, action, target_type, target_id, "
                        + "outcome, detail, client_address, prev_hash, hash) values (?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(e.seq(), AuditEvents.utc(e.occurredAt()), e.actor(), e.actorRoles(), e.action(),
                        e.targetType(), e.targetId(), e.outcome(), e.detail(), e.clientAddress(), e.prevHash(),
                        e.hash())
                .update();
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
