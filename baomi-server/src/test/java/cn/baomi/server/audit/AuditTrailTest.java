package cn.baomi.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.baomi.server.shared.Role;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.support.BaomiTest;
import cn.baomi.server.support.TestUsers;

@BaomiTest
class AuditTrailTest {

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

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void auditRecordRollsBackWithTheChange() {
        String actor = unique("rollback");
        AuditEvents.Head before = events.head();

        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            trail.recordAs(actor, "STAFF", AuditRecord.success("CARRIER_REGISTERED", "carrier", 1));
            throw new IllegalStateException("the change failed after its record was written");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(rowsOf(actor)).isZero();
        assertThat(events.head()).isEqualTo(before);
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void auditRecordCommitsWithTheChange() {
        String actor = unique("commit");
        tx.executeWithoutResult(status ->
                trail.recordAs(actor, "STAFF", AuditRecord.success("CARRIER_REGISTERED", "carrier", 1)));
        assertThat(rowsOf(actor)).isEqualTo(1);
    }

    @Test
    void parallelWritersLeaveOneUnbrokenChain() throws Exception {
        int threads = 8;
        int each = 50;
        String actor = unique("parallel");
        long startSeq = events.head().lastSeq();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int writer = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        int n = i;
                        tx.executeWithoutResult(status -> trail.recordAs(actor, "STAFF",
                                AuditRecord.success("PARALLEL_WRITE", "writer", writer).withDetail("write " + n)));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }

        AuditVerifier.Verification result = verifier.verify();
        assertThat(result.intact()).as("verification %s", result).isTrue();
        assertThat(rowsOf(actor)).isEqualTo(threads * each);
        long endSeq = events.head().lastSeq();
        assertThat(endSeq - startSeq).isEqualTo(threads * each);
        assertThat(jdbc.sql("select count(*) from audit_events where seq > ? and seq <= ?")
                .params(startSeq, endSeq).query(Long.class).single()).isEqualTo(endSeq - startSeq);
    }

    @Test
    void aTransactionLocksTheChainHeadOnlyWhenItCommitsSoOthersAppendMeanwhile() throws Exception {
        String actor = unique("brief");
        CountDownLatch recorded = new CountDownLatch(1);
        CountDownLatch otherCommitted = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> slow = pool.submit(() -> tx.execute(status -> {
                trail.recordAs(actor, "STAFF", AuditRecord.success("FIRST_ASKED", "writer", 1));
                recorded.countDown();
                try {
                    return otherCommitted.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }));
            assertThat(recorded.await(20, TimeUnit.SECONDS)).isTrue();
            // with the head locked at the first record, this would wait for the open transaction above
            tx.executeWithoutResult(status -> trail.recordAs(actor, "STAFF", AuditRecord.success("SECOND_ASKED", "writer", 2)));
            otherCommitted.countDown();
            assertThat(slow.get(30, TimeUnit.SECONDS)).as("the open transaction saw the other commit").isTrue();
        } finally {
            pool.shutdownNow();
        }
        long first = seqOf(actor, "FIRST_ASKED");
        long second = seqOf(actor, "SECOND_ASKED");
        assertThat(second).as("written in commit order").isLessThan(first);
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void aTransactionThatFailsAfterLockingTheHeadLetsTheNextWriterIn() throws Exception {
        String actor = unique("failed");
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            trail.recordAs(actor, "STAFF", AuditRecord.success("WRITTEN_THEN_ROLLED_BACK", "writer", 1));
            // runs after the trail's own beforeCommit: the head is locked and the record written when this fails
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    trail.recordAs(actor, "STAFF", AuditRecord.success("LATE_RECORD", "writer", 2));
                    throw new IllegalStateException("the commit failed after the head was locked");
                }
            });
        })).isInstanceOf(IllegalStateException.class);

        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<?> next = other.submit(() -> tx.executeWithoutResult(status ->
                    trail.recordAs(actor, "STAFF", AuditRecord.success("NEXT_WRITER", "writer", 3))));
            next.get(20, TimeUnit.SECONDS);
        } finally {
            other.shutdownNow();
        }
        assertThat(jdbc.sql("select action from audit_events where actor = ?").param(actor).query(String.class).list())
                .containsExactly("NEXT_WRITER");
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void aTransactionRunAfterACommitOnTheSameThreadIsNotBlockedByThatCommit() throws Exception {
        String actor = unique("after-commit");
        ExecutorService writer = Executors.newSingleThreadExecutor();
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            writer.submit(() -> tx.executeWithoutResult(status -> {
                // registered before the trail's own synchronisation, so its afterCommit runs while the trail's
                // writers' lock is still held by this thread
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        TransactionTemplate own = new TransactionTemplate(tx.getTransactionManager());
                        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
                        own.executeWithoutResult(inner ->
                                trail.recordAs(actor, "STAFF", AuditRecord.success("AFTER_COMMIT", "writer", 2)));
                    }
                });
                trail.recordAs(actor, "STAFF", AuditRecord.success("COMMITTED", "writer", 1));
            })).get(20, TimeUnit.SECONDS);
            // and the lock is free again for everybody else
            other.submit(() -> tx.executeWithoutResult(status ->
                    trail.recordAs(actor, "STAFF", AuditRecord.success("OTHER_THREAD", "writer", 3)))).get(20, TimeUnit.SECONDS);
        } finally {
            writer.shutdownNow();
            other.shutdownNow();
        }
        assertThat(jdbc.sql("select action from audit_events where actor = ? order by seq").param(actor)
                .query(String.class).list()).containsExactly("COMMITTED", "AFTER_COMMIT", "OTHER_THREAD");
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void aServerThatKnowsTheHeadStillChainsAfterTheRecordsAnotherServerWroteMeanwhile() {
        AuditTrail otherServer = new AuditTrail(events);
        String actor = unique("servers");
        tx.executeWithoutResult(status -> trail.recordAs(actor, "STAFF", AuditRecord.success("THIS_SERVER", "writer", 1)));
        tx.executeWithoutResult(status -> otherServer.recordAs(actor, "STAFF", AuditRecord.success("OTHER_SERVER", "writer", 2)));
        tx.executeWithoutResult(status -> {
            // the head this server knows is no longer the head: one record, then three in one transaction
            trail.recordAs(actor, "STAFF", AuditRecord.success("THIS_SERVER_AGAIN", "writer", 3));
        });
        tx.executeWithoutResult(status -> otherServer.recordAs(actor, "STAFF", AuditRecord.success("OTHER_SERVER_AGAIN", "writer", 4)));
        tx.executeWithoutResult(status -> {
            for (int i = 0; i < 3; i++) {
                trail.recordAs(actor, "STAFF", AuditRecord.success("THIS_SERVER_BATCH", "writer", 5 + i));
            }
        });

        List<AuditEvent> rows = jdbc.sql("select * from audit_events where actor = ? order by seq").param(actor)
                .query(AuditEvents::map).list();
        assertThat(rows).extracting(AuditEvent::action).containsExactly("THIS_SERVER", "OTHER_SERVER",
                "THIS_SERVER_AGAIN", "OTHER_SERVER_AGAIN", "THIS_SERVER_BATCH", "THIS_SERVER_BATCH", "THIS_SERVER_BATCH");
        assertThat(events.head().lastSeq()).isEqualTo(rows.get(rows.size() - 1).seq());
        AuditVerifier.Verification result = verifier.verify();
        assertThat(result.intact()).as("verification %s", result).isTrue();
    }

    @Test
    void theRecordsOfOneTransactionAreChainedTogetherInTheOrderAskedFor() {
        String actor = unique("together");
        tx.executeWithoutResult(status -> {
            for (int i = 0; i < 3; i++) {
                trail.recordAs(actor, "STAFF", AuditRecord.success("STEP_" + i, "writer", i));
            }
            assertThat(rowsOf(actor)).as("nothing is written before the commit").isZero();
        });
        List<AuditEvent> rows = jdbc.sql("select * from audit_events where actor = ? order by seq").param(actor)
                .query(AuditEvents::map).list();
        assertThat(rows).extracting(AuditEvent::action).containsExactly("STEP_0", "STEP_1", "STEP_2");
        assertThat(rows.get(1).seq()).isEqualTo(rows.get(0).seq() + 1);
        assertThat(rows.get(2).seq()).isEqualTo(rows.get(1).seq() + 1);
        assertThat(rows.get(1).prevHash()).isEqualTo(rows.get(0).hash());
        assertThat(rows.get(2).prevHash()).isEqualTo(rows.get(1).hash());
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void signedInUserIsRecordedWithActorAndSortedRoles() {
        CurrentUser user = TestUsers.user(1L, null, Role.STAFF, Role.DEPARTMENT_HEAD);
        TestUsers.signIn(user);
        trail.record(AuditRecord.success("CARRIER_REGISTERED", "carrier", 7));

        AuditEvent last = lastOf(user.username());
        assertThat(last.actorRoles()).isEqualTo("DEPARTMENT_HEAD,STAFF");
        assertThat(last.action()).isEqualTo("CARRIER_REGISTERED");
        assertThat(last.targetType()).isEqualTo("carrier");
        assertThat(last.targetId()).isEqualTo("7");
        assertThat(last.outcome()).isEqualTo("SUCCESS");
    }

    @Test
    void withoutASignedInUserTheSystemIsTheActor() {
        String target = unique("target");
        trail.record(AuditRecord.success("REMINDER_SENT", "reminder", target));
        assertThat(jdbc.sql("select actor from audit_events where target_id = ?").param(target)
                .query(String.class).single()).isEqualTo(AuditTrail.SYSTEM_ACTOR);
    }

    @Test
    void controlCharactersCannotShiftAFieldIntoTheNext() {
        String actor = unique("control");
        trail.recordAs(actor, "STAFF", new AuditRecord("NOTE", "carrier", "1", AuditRecord.Outcome.SUCCESS,
                "first\u001fsecond\nthird"));
        assertThat(lastOf(actor).detail()).isEqualTo("first second third");
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void overlongValuesAreCutToTheirColumnsInsteadOfFailingTheChange() {
        String actor = unique("long");
        trail.recordAs(actor, "STAFF", new AuditRecord("NOTE", "t".repeat(100), "i".repeat(100),
                AuditRecord.Outcome.SUCCESS, "d".repeat(2000)));
        AuditEvent last = lastOf(actor);
        assertThat(last.targetType()).hasSize(40);
        assertThat(last.targetId()).hasSize(60);
        assertThat(last.detail()).hasSize(1000);
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void theRecordedTimeSurvivesTheDatabaseSoTheHashStillMatches() {
        String actor = unique("time");
        trail.recordAs(actor, "STAFF", AuditRecord.success("NOTE", "carrier", 1));
        AuditEvent stored = lastOf(actor);
        assertThat(stored.occurredAt().getNano() % 1_000_000).isZero();
        assertThat(AuditChain.hash(stored)).isEqualTo(stored.hash());
    }

    private long seqOf(String actor, String action) {
        return jdbc.sql("select seq from audit_events where actor = ? and action = ?").params(actor, action)
                .query(Long.class).single();
    }

    private long rowsOf(String actor) {
        return jdbc.sql("select count(*) from audit_events where actor = ?").param(actor).query(Long.class).single();
    }

    private AuditEvent lastOf(String actor) {
        return jdbc.sql("select * from audit_events where actor = ? order by seq desc limit 1").param(actor)
                .query(AuditEvents::map).single();
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
