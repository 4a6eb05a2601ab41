package cn.baomi.server.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.baomi.server.organization.OrganizationSetup;
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
    OrganizationSetup organization;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void twoSimultaneousDecisionsOnOneStepExactlyOneWins() throws Exception {
        ApprovalFixtures.Office o = new ApprovalFixtures(organization).office();
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

    private static String decide(CurrentUser user, CyclicBarrier start, Runnable decision) throws Exception {
        TestUsers.signIn(user);
        try {
            start.await(10, TimeUnit.SECONDS);
            decision.run();
            return "won";
        } catch (BusinessRuleViolation e) {
            return e.messageKey();
        } finally {
            TestUsers.signOut();
        }
    }
}
