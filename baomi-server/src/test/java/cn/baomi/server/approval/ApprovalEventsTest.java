package cn.baomi.server.approval;

import static cn.baomi.server.approval.ApprovalFixtures.copy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.baomi.server.support.BaomiTest;
import cn.baomi.server.support.TestUsers;

/**
 * The contract a requesting module relies on: it hears the final decision inside the decision's
 * transaction, so when its own follow-up fails, the decision and its audit record are undone too.
 */
@BaomiTest
@Import(ApprovalEventsTest.RequestingModule.class)
class ApprovalEventsTest {

    /** Stands in for the carrier module: it refuses to go on for subject "broken". */
    @TestConfiguration
    static class RequestingModule {

        final List<Boolean> heardInTransaction = new ArrayList<>();

        @EventListener
        void granted(ApprovalGranted granted) {
            heardInTransaction.add(TransactionSynchronizationManager.isActualTransactionActive());
            if (granted.subjectId().equals("broken")) {
                throw new IllegalStateException("the requesting module could not go on");
            }
        }
    }

    @Autowired
    ApprovalService service;
    @Autowired
    Approvals approvals;
    @Autowired
    ApprovalFixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RequestingModule module;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void theRequestingModuleHearsTheDecisionInItsTransaction() {
        ApprovalFixtures.Office o = fixtures.office();
        TestUsers.signIn(o.head());
        long fine = service.request(copy("SECRET"));
        long broken = service.request(new NewApproval("test.kind", "test", "broken", "复制一份", "SECRET", false));
        TestUsers.signIn(o.officer());
        service.approve(fine, null);
        assertThatThrownBy(() -> service.approve(broken, null)).isInstanceOf(IllegalStateException.class);

        assertThat(module.heardInTransaction).containsOnly(true);
        assertThat(approvals.find(fine).orElseThrow().state()).isEqualTo(ApprovalState.GRANTED);
        Approval undone = approvals.find(broken).orElseThrow();
        assertThat(undone.state()).isEqualTo(ApprovalState.PENDING);
        assertThat(undone.steps().get(0).state()).isEqualTo(StepState.PENDING);
        assertThat(jdbc.sql("select count(*) from audit_events where action = 'APPROVAL_APPROVED' and target_id = ?")
                .param(String.valueOf(broken)).query(Long.class).single()).isZero();
    }
}
