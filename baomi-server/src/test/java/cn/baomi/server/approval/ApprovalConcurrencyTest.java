package cn.baomi.server.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import cn.baomi.server.shared.BusinessRuleViolation;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.support.BaomiTest;
import cn.baomi.server.support.TestUsers;

/** Two secrecy officers deciding the same step at the same moment, each in a thread and transaction of their own. */
@BaomiTest
class ApprovalConcurrencyTest {

    @Autowired
    ApprovalService service;
    @Autowired
    Approvals approvals;
    @Autowired
    ApprovalFixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void twoSimultaneousDecisionsOnOneStepExactlyOneWins() throws Exception {
        ApprovalFixtures.Office o = fixtures.office();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                TestUsers.signIn(o.head());
                long id = service.request(ApprovalFixtures.copy("SECRET"));
                TestUsers.signOut();
                CyclicBarrier start = new CyclicBarrier(2);
                Future<String> approving = pool.submit(() -> decide(o.officer(), start, () -> service.approve(id, "同意")));
                Future<String> rejecting = pool.submit(() -> decide(o.secondOfficer(), start, () -> service.reject(id, "不同意")));
                List<String> outcomes = new ArrayList<>(List.of(approving.get(30, TimeUnit.SECONDS),
                        rejecting.get(30, TimeUnit.SECONDS)));

                assertThat(outcomes).containsOnlyOnce("won").containsOnlyOnce("approval.rule.decided");
                Approval decided = approvals.find(id).orElseThrow();
                boolean approvedWon = outcomes.get(0).equals("won");
                assertThat(decided.state()).isEqualTo(approvedWon ? ApprovalState.GRANTED : ApprovalState.REFUSED);
                assertThat(decided.steps().get(0).deciderAccountId())
                        .isEqualTo((approvedWon ? o.officer() : o.secondOfficer()).accountId());
                assertThat(jdbc.sql("select count(*) from audit_events where target_type = 'approval' and target_id = ? "
                                + "and action in ('APPROVAL_APPROVED', 'APPROVAL_REJECTED')")
                        .param(String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The race made certain: the first decision is written but not committed when the second one, which has
     * read the request as still pending, tries to move it on; the second waits, then finds it decided.
     */
    @Test
    void aDecisionWaitingForAnotherOnTheSameStepFindsItDecided() throws Exception {
        ApprovalFixtures.Office o = fixtures.office();
        TestUsers.signIn(o.head());
        long id = service.request(ApprovalFixtures.copy("SECRET"));
        TestUsers.signOut();
        CountDownLatch firstWritten = new CountDownLatch(1);
        CountDownLatch mayCommit = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<String> first = pool.submit(() -> decide(o.officer(), null, () -> transactions.executeWithoutResult(tx -> {
                service.approve(id, "同意");
                firstWritten.countDown();
                awaitQuietly(mayCommit);
            })));
            assertThat(firstWritten.await(20, TimeUnit.SECONDS)).isTrue();
            Future<String> second = pool.submit(() -> decide(o.secondOfficer(), null, () -> service.reject(id, "不同意")));
            Thread.sleep(500);
            assertThat(second.isDone()).as("the second decision waits for the first").isFalse();
            mayCommit.countDown();

            assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo("won");
            assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo("approval.rule.decided");
            Approval decided = approvals.find(id).orElseThrow();
            assertThat(decided.state()).isEqualTo(ApprovalState.GRANTED);
            assertThat(decided.steps().get(0).opinion()).isEqualTo("同意");
        } finally {
            mayCommit.countDown();
            pool.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String decide(CurrentUser user, CyclicBarrier start, Runnable decision) throws Exception {
        TestUsers.signIn(user);
        try {
            if (start != null) {
                start.await(10, TimeUnit.SECONDS);
            }
            decision.run();
            return "won";
        } catch (BusinessRuleViolation e) {
            return e.messageKey();
        } finally {
            TestUsers.signOut();
        }
    }
}
