package cn.baomi.server.audit;

import static cn.baomi.server.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import cn.baomi.server.shared.Role;
import cn.baomi.server.support.BaomiTest;
import cn.baomi.server.support.TestUsers;

/**
 * Changes and removes rows behind the application's back, through plain JDBC, and expects the verification to name
 * the first broken link, by line and position. Every kind of tampering is tried in line 1 and in line 2: five rows are
 * written in line 2 (line 1 being held meanwhile) and then five in line 1, so the rows of line 2 have the smaller
 * global numbers. Runs in a context (and database) of its own, and puts every row back after each test so the next
 * one starts from an intact chain.
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
    @Autowired
    TransactionTemplate tx;
    @Autowired
    MockMvc mvc;

    List<AuditEvent> lineOne;
    List<AuditEvent> lineTwo;

    @BeforeEach
    void writeFiveRowsInLineTwoThenFiveInLineOne() throws Exception {
        try (HeldLines held = HeldLines.hold(tx, jdbc, 1)) {
            lineTwo = writeFive();
        }
        lineOne = writeFive();
        assertThat(lineTwo).extracting(AuditEvent::line).containsOnly(2);
        assertThat(lineOne).extracting(AuditEvent::line).containsOnly(1);
        assertThat(verifier.verify().intact()).isTrue();
    }

    private List<AuditEvent> writeFive() {
        String actor = AuditTrailTest.unique("tamper");
        for (int i = 1; i <= 5; i++) {
            trail.recordAs(actor, "STAFF", AuditRecord.success("CARRIER_REGISTERED", "carrier", i)
                    .withDetail("载体 " + i));
        }
        return jdbc.sql("select * from audit_events where actor = ? order by seq").param(actor)
                .query(AuditEvents::map).list();
    }

    @AfterEach
    void chainIsIntactAgainOnceRestored() {
        assertThat(verifier.verify().intact()).isTrue();
    }

    @ParameterizedTest(name = "in line {0}")
    @ValueSource(ints = {1, 2})
    void alteringOneRowIsNamedByVerification(int line) {
        AuditEvent row = written(line).get(2);
        jdbc.sql("update audit_events set detail = ? where seq = ?").params("载体 99", row.seq()).update();

        assertBrokenAt(row, row.seq(), AuditVerifier.ALTERED);
        restore(row);
    }

    @ParameterizedTest(name = "in line {0}")
    @ValueSource(ints = {1, 2})
    void alteringTheActorIsNamedByVerification(int line) {
        AuditEvent row = written(line).get(1);
        jdbc.sql("update audit_events set actor = ? where seq = ?").params("someone-else", row.seq()).update();

        assertBrokenAt(row, row.seq(), AuditVerifier.ALTERED);
        restore(row);
    }

    @ParameterizedTest(name = "in line {0}")
    @ValueSource(ints = {1, 2})
    void removingARowIsDetectedAtItsPositionBeforeTheNextRowPresent(int line) {
        AuditEvent row = written(line).get(2);
        jdbc.sql("delete from audit_events where seq = ?").param(row.seq()).update();

        assertBrokenAt(row, written(line).get(3).seq(), AuditVerifier.MISSING);
        insert(row);
    }

    @ParameterizedTest(name = "in line {0}")
    @ValueSource(ints = {1, 2})
    void removingTheLastRowIsDetected(int line) {
        AuditEvent row = written(line).get(4);
        assertThat(head(line).lastSeq()).isEqualTo(row.lineSeq());
        jdbc.sql("delete from audit_events where seq = ?").param(row.seq()).update();

        assertBrokenAt(row, null, AuditVerifier.MISSING);
        insert(row);
    }

    @ParameterizedTest(name = "in line {0}")
    @ValueSource(ints = {1, 2})
    void relinkingIsDetected(int line) {
        AuditEvent row = written(line).get(3);
        String skipped = written(line).get(1).hash();
        jdbc.sql("update audit_events set prev_hash = ? where seq = ?").params(skipped, row.seq()).update();

        assertBrokenAt(row, row.seq(), AuditVerifier.LINK);
        restore(row);
    }

    @ParameterizedTest(name = "in line {0}")
    @ValueSource(ints = {1, 2})
    void rewritingARowWithAFreshHashBreaksTheNextLink(int line) {
        AuditEvent row = written(line).get(2);
        AuditEvent forged = withDetail(row, "载体 99");
        jdbc.sql("update audit_events set detail = ?, hash = ? where seq = ?")
                .params(forged.detail(), forged.hash(), row.seq()).update();

        AuditEvent next = written(line).get(3);
        assertBrokenAt(next, next.seq(), AuditVerifier.LINK);
        restore(row);
    }

    @ParameterizedTest(name = "in line {0}")
    @ValueSource(ints = {1, 2})
    void rewritingTheLastRowWithAFreshHashIsCaughtByTheHead(int line) {
        AuditEvent row = written(line).get(4);
        AuditEvent forged = withDetail(row, "载体 99");
        jdbc.sql("update audit_events set detail = ?, hash = ? where seq = ?")
                .params(forged.detail(), forged.hash(), row.seq()).update();

        assertBrokenAt(row, row.seq(), AuditVerifier.ALTERED);
        restore(row);
    }

    @Test
    void movingARowToAnotherPositionOfItsLineIsDetected() {
        AuditEvent row = lineTwo.get(4);
        jdbc.sql("update audit_events set line_seq = ? where seq = ?").params(row.lineSeq() + 1, row.seq()).update();

        assertBrokenAt(row, null, AuditVerifier.MISSING);
        restore(row);
    }

    @Test
    void ofBreaksInSeveralLinesTheOneWithTheSmallestNumberIsNamed() {
        AuditEvent inLineOne = lineOne.get(1);
        AuditEvent inLineTwo = lineTwo.get(3);
        assertThat(inLineTwo.seq()).isLessThan(inLineOne.seq());
        jdbc.sql("update audit_events set detail = ? where seq in (?, ?)").params("载体 99", inLineOne.seq(),
                inLineTwo.seq()).update();

        AuditVerifier.Verification result = verifier.verify();
        assertThat(result.line()).isEqualTo(2);
        assertThat(result.position()).isEqualTo(inLineTwo.lineSeq());
        assertThat(result.brokenSeq()).isEqualTo(inLineTwo.seq());
        assertThat(result.checked()).as("rows intact in both lines before their breaks")
                .isEqualTo(positions() - (head(1).lastSeq() - inLineOne.lineSeq() + 1)
                        - (head(2).lastSeq() - inLineTwo.lineSeq() + 1));
        restore(inLineOne);
        restore(inLineTwo);
    }

    @Test
    void theCommandExitsWithOneAndNamesTheLineThePositionAndTheRecord() {
        AuditEvent row = lineTwo.get(2);
        jdbc.sql("update audit_events set detail = ? where seq = ?").params("载体 99", row.seq()).update();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = AuditCommand.report(verifier, print(out), print(new ByteArrayOutputStream()));

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("第 2 链第 " + row.lineSeq() + " 条（记录 #" + row.seq() + "）").contains("内容被篡改")
                .contains("in line 2 at position " + row.lineSeq() + ", record #" + row.seq())
                .contains("content altered");
        restore(row);
    }

    @Test
    void theCommandNamesTheLineAndPositionOfRowsMissingAtTheEnd() {
        AuditEvent row = lineTwo.get(4);
        jdbc.sql("delete from audit_events where seq = ?").param(row.seq()).update();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = AuditCommand.report(verifier, print(out), print(new ByteArrayOutputStream()));

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8).trim())
                .isEqualTo("审计链在第 2 链第 " + row.lineSeq() + " 条处断裂（记录缺失） / Audit chain broken in line 2 "
                        + "at position " + row.lineSeq() + " (record missing)");
        insert(row);
    }

    @Test
    void theCommandExitsWithZeroWhenIntact() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = AuditCommand.report(verifier, print(out), print(new ByteArrayOutputStream()));

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .startsWith("审计链完整，共校验 " + positions() + " 条").contains("Audit chain intact");
    }

    @Test
    void thePageNamesTheLineThePositionAndTheRecordOfTheBreak() throws Exception {
        AuditEvent row = lineTwo.get(1);
        jdbc.sql("update audit_events set detail = ? where seq = ?").params("载体 99", row.seq()).update();
        var auditor = TestUsers.administrator(Role.SECURITY_AUDITOR);

        String chinese = mvc.perform(post("/audit/verify").header("HX-Request", "true").with(as(auditor)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String english = mvc.perform(post("/audit/verify").param("lang", "en").header("HX-Request", "true")
                        .with(as(auditor)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(chinese).contains("审计链在第 2 链第 " + row.lineSeq() + " 条（记录 #" + row.seq() + "）处断裂：内容被篡改。");
        assertThat(english).contains("The audit chain is broken in line 2 at position " + row.lineSeq() + " (record #"
                + row.seq() + "): content altered.");
        AuditEvent recorded = jdbc.sql("select * from audit_events where actor = ? order by seq desc limit 1")
                .param(auditor.username()).query(AuditEvents::map).single();
        assertThat(recorded.detail()).isEqualTo("ALTERED line=2 position=" + row.lineSeq() + " seq=" + row.seq());
        restore(row);
    }

    /**
     * The break names the line and position of {@code at} and the global number {@code brokenSeq}; the rows checked
     * are all but those of that line from the break on.
     */
    private void assertBrokenAt(AuditEvent at, Long brokenSeq, String problem) {
        AuditVerifier.Verification result = verifier.verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.line()).isEqualTo(at.line());
        assertThat(result.position()).isEqualTo(at.lineSeq());
        assertThat(result.brokenSeq()).isEqualTo(brokenSeq);
        assertThat(result.problem()).isEqualTo(problem);
        assertThat(result.checked()).isEqualTo(positions() - (head(at.line()).lastSeq() - at.lineSeq() + 1));
    }

    private List<AuditEvent> written(int line) {
        return line == 1 ? lineOne : lineTwo;
    }

    private AuditEvents.Head head(int line) {
        return events.heads().stream().filter(h -> h.line() == line).findFirst().orElseThrow();
    }

    private long positions() {
        return events.heads().stream().mapToLong(AuditEvents.Head::lastSeq).sum();
    }

    private static AuditEvent withDetail(AuditEvent e, String detail) {
        AuditEvent changed = new AuditEvent(e.seq(), e.line(), e.lineSeq(), e.occurredAt(), e.actor(), e.actorRoles(),
                e.action(), e.targetType(), e.targetId(), e.outcome(), detail, e.clientAddress(), e.prevHash(), null);
        return new AuditEvent(e.seq(), e.line(), e.lineSeq(), e.occurredAt(), e.actor(), e.actorRoles(), e.action(),
                e.targetType(), e.targetId(), e.outcome(), detail, e.clientAddress(), e.prevHash(),
                AuditChain.hash(changed));
    }

    private void restore(AuditEvent row) {
        jdbc.sql("delete from audit_events where seq = ?").param(row.seq()).update();
        insert(row);
    }

    private void insert(AuditEvent e) {
        jdbc.sql("insert into audit_events (seq, line, line_seq, occurred_at, actor, actor_roles, action, target_type, "
                        + "target_id, outcome, detail, client_address, prev_hash, hash) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(e.seq(), e.line(), e.lineSeq(), AuditEvents.utc(e.occurredAt()), e.actor(), e.actorRoles(),
                        e.action(), e.targetType(), e.targetId(), e.outcome(), e.detail(), e.clientAddress(),
                        e.prevHash(), e.hash())
                .update();
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
