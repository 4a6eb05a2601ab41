package cn.baomi.server.approval;

import static cn.baomi.server.approval.ApprovalFixtures.abroad;
import static cn.baomi.server.approval.ApprovalFixtures.copy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import cn.baomi.server.identity.AccountSetup;
import cn.baomi.server.shared.BusinessRuleViolation;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.NotFound;
import cn.baomi.server.shared.Role;
import cn.baomi.server.support.BaomiTest;
import cn.baomi.server.support.TestUsers;

/** The routing rule, the states and the decisions, through the service as the requesting modules will use it. */
@BaomiTest
@RecordApplicationEvents
class ApprovalRulesTest {

    @Autowired
    ApprovalService service;
    @Autowired
    Approvals approvals;
    @Autowired
    ApprovalFixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEvents events;
    @Autowired
    AccountSetup accounts;

    ApprovalFixtures.Office o;

    @BeforeEach
    void office() {
        o = fixtures.office();
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private void approve(CurrentUser user, long id, String opinion) {
        as(user, () -> { service.approve(id, opinion); return null; });
    }

    private void reject(CurrentUser user, long id, String opinion) {
        as(user, () -> { service.reject(id, opinion); return null; });
    }

    private static <T> T as(CurrentUser user, Supplier<T> action) {
        TestUsers.signIn(user);
        try {
            return action.get();
        } finally {
            TestUsers.signOut();
        }
    }

    private Approval approval(long id) {
        return approvals.find(id).orElseThrow();
    }

    private List<Role> route(long id) {
        return approval(id).steps().stream().map(ApprovalStep::role).toList();
    }

    @Test
    void routeGoesToDepartmentHeadThenSecrecyOffice() {
        long id = fixtures.request(o.staff(), copy("SECRET"));
        assertThat(route(id)).containsExactly(Role.DEPARTMENT_HEAD, Role.SECRECY_OFFICER);
        assertThat(approval(id).steps().get(0).departmentId()).isEqualTo(o.office());
        assertThatThrownBy(() -> approve(o.officer(), id, null)).isInstanceOf(AccessDeniedException.class);

        approve(o.head(), id, "同意复制");
        Approval afterHead = approval(id);
        assertThat(afterHead.state()).isEqualTo(ApprovalState.PENDING);
        assertThat(afterHead.currentStep()).isEqualTo(2);
        assertThat(afterHead.steps().get(0).state()).isEqualTo(StepState.APPROVED);
        assertThat(afterHead.steps().get(0).opinion()).isEqualTo("同意复制");
        assertThat(afterHead.steps().get(1).state()).isEqualTo(StepState.PENDING);

        approve(o.officer(), id, null);
        Approval granted = approval(id);
        assertThat(granted.state()).isEqualTo(ApprovalState.GRANTED);
        assertThat(granted.closedAt()).isNotNull();
        assertThat(granted.steps()).extracting(ApprovalStep::state).containsOnly(StepState.APPROVED);
        assertThat(granted.steps().get(1).deciderAccountId()).isEqualTo(o.officer().accountId());
    }

    @Test
    void topSecretOrAbroadAlsoNeedsTheUnitLeader() {
        assertThat(route(fixtures.request(o.staff(), copy("TOP_SECRET"))))
                .containsExactly(Role.DEPARTMENT_HEAD, Role.SECRECY_OFFICER, Role.UNIT_LEADER);
        assertThat(route(fixtures.request(o.staff(), abroad("CONFIDENTIAL"))))
                .containsExactly(Role.DEPARTMENT_HEAD, Role.SECRECY_OFFICER, Role.UNIT_LEADER);
        assertThat(route(fixtures.request(o.staff(), copy("CONFIDENTIAL"))))
                .containsExactly(Role.DEPARTMENT_HEAD, Role.SECRECY_OFFICER);

        long id = fixtures.request(o.staff(), copy("TOP_SECRET"));
        approve(o.head(), id, null);
        approve(o.officer(), id, null);
        assertThat(approval(id).state()).isEqualTo(ApprovalState.PENDING);
        assertThatThrownBy(() -> approve(o.foreignLeader(), id, null)).isInstanceOf(NotFound.class);
        approve(o.leader(), id, "同意");
        assertThat(approval(id).state()).isEqualTo(ApprovalState.GRANTED);
    }

    @Test
    void departmentHeadRequestingSkipsTheirOwnStep() {
        assertThat(route(fixtures.request(o.head(), copy("SECRET")))).containsExactly(Role.SECRECY_OFFICER);
        assertThat(route(fixtures.request(o.officer(), copy("SECRET")))).containsExactly(Role.SECRECY_OFFICER);
        assertThat(route(fixtures.request(o.head(), abroad("SECRET")))).containsExactly(Role.SECRECY_OFFICER, Role.UNIT_LEADER);
    }

    @Test
    void onlyTheHeadOfTheRequestersDepartmentDecidesTheFirstStep() {
        long id = fixtures.request(o.staff(), copy("SECRET"));
        assertThatThrownBy(() -> approve(o.registryHead(), id, null)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> approve(o.foreignHead(), id, null)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> approve(o.registryStaff(), id, null)).isInstanceOf(NotFound.class);
        assertThat(approval(id).currentStep()).isEqualTo(1);
        assertThat(approval(id).steps().get(0).state()).isEqualTo(StepState.PENDING);
    }

    @Test
    void nobodyApprovesTheirOwnRequest() {
        long id = fixtures.request(o.officer(), copy("SECRET"));
        assertThatThrownBy(() -> approve(o.officer(), id, null)).isInstanceOf(BusinessRuleViolation.class)
                .extracting(e -> ((BusinessRuleViolation) e).messageKey()).isEqualTo("approval.rule.ownRequest");
        assertThatThrownBy(() -> reject(o.officer(), id, "不同意")).isInstanceOf(BusinessRuleViolation.class);
        long staffs = fixtures.request(o.staff(), copy("SECRET"));
        assertThatThrownBy(() -> approve(o.staff(), staffs, null)).isInstanceOf(BusinessRuleViolation.class)
                .extracting(e -> ((BusinessRuleViolation) e).messageKey()).isEqualTo("approval.rule.ownRequest");
        assertThat(approval(id).state()).isEqualTo(ApprovalState.PENDING);

        approve(o.secondOfficer(), id, null);
        assertThat(approval(id).state()).isEqualTo(ApprovalState.GRANTED);
    }

    @Test
    void rejectingNeedsAnOpinion() {
        long id = fixtures.request(o.staff(), copy("SECRET"));
        for (String blank : new String[] {null, "", "   "}) {
            assertThatThrownBy(() -> reject(o.head(), id, blank)).isInstanceOf(BusinessRuleViolation.class)
                    .extracting(e -> ((BusinessRuleViolation) e).field()).isEqualTo("opinion");
        }
        assertThat(approval(id).state()).isEqualTo(ApprovalState.PENDING);

        reject(o.head(), id, "  无需复制，借阅即可  ");
        Approval refused = approval(id);
        assertThat(refused.state()).isEqualTo(ApprovalState.REFUSED);
        assertThat(refused.steps().get(0).state()).isEqualTo(StepState.REJECTED);
        assertThat(refused.steps().get(0).opinion()).isEqualTo("无需复制，借阅即可");
        assertThat(refused.steps().get(1).state()).isEqualTo(StepState.WAITING);
    }

    @Test
    void anOpinionHasAtMost500Characters() {
        long id = fixtures.request(o.staff(), copy("SECRET"));
        assertThatThrownBy(() -> approve(o.head(), id, "意".repeat(501))).isInstanceOf(BusinessRuleViolation.class)
                .extracting(e -> ((BusinessRuleViolation) e).field()).isEqualTo("opinion");
        approve(o.head(), id, "意".repeat(500));
        assertThat(approval(id).steps().get(0).opinion()).hasSize(500);
    }

    @Test
    void aDecidedRequestTakesNoFurtherDecision() {
        long refused = fixtures.request(o.staff(), copy("SECRET"));
        reject(o.head(), refused, "不同意");
        assertThatThrownBy(() -> approve(o.head(), refused, null)).isInstanceOf(BusinessRuleViolation.class)
                .extracting(e -> ((BusinessRuleViolation) e).messageKey()).isEqualTo("approval.rule.decided");
        assertThatThrownBy(() -> approve(o.officer(), refused, null)).isInstanceOf(BusinessRuleViolation.class);
        assertThatThrownBy(() -> as(o.staff(), () -> { service.withdraw(refused); return null; }))
                .isInstanceOf(BusinessRuleViolation.class);

        long granted = fixtures.request(o.head(), copy("SECRET"));
        approve(o.officer(), granted, null);
        assertThatThrownBy(() -> reject(o.secondOfficer(), granted, "晚了")).isInstanceOf(BusinessRuleViolation.class);
        assertThat(approval(granted).state()).isEqualTo(ApprovalState.GRANTED);
        assertThat(approval(refused).state()).isEqualTo(ApprovalState.REFUSED);
    }

    @Test
    void theRequesterMayWithdrawWhilePendingAndNobodyElse() {
        long id = fixtures.request(o.staff(), copy("SECRET"));
        assertThatThrownBy(() -> as(o.head(), () -> { service.withdraw(id); return null; }))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(o.foreignOfficer(), () -> { service.withdraw(id); return null; }))
                .isInstanceOf(NotFound.class);
        approve(o.head(), id, null);
        as(o.staff(), () -> { service.withdraw(id); return null; });
        assertThat(approval(id).state()).isEqualTo(ApprovalState.WITHDRAWN);
        assertThatThrownBy(() -> approve(o.officer(), id, null)).isInstanceOf(BusinessRuleViolation.class)
                .extracting(e -> ((BusinessRuleViolation) e).messageKey()).isEqualTo("approval.rule.decided");
    }

    @Test
    void aRequestFiledOnSomeonesBehalfIsRoutedFromThatPerson() {
        long id = fixtures.request(o.officer(), copy("SECRET").onBehalfOf(o.registryStaff().personId()));
        Approval filed = approval(id);
        assertThat(route(id)).containsExactly(Role.DEPARTMENT_HEAD, Role.SECRECY_OFFICER);
        assertThat(filed.departmentId()).isEqualTo(o.registry());
        assertThat(filed.steps().get(0).departmentId()).as("the applicant's department, not the officer's (none)")
                .isEqualTo(o.registry());
        assertThat(filed.requesterPersonId()).isEqualTo(o.officer().personId());
        assertThat(filed.applicantPersonId()).isEqualTo(o.registryStaff().personId());
        assertThat(filed.applicantName()).isEqualTo("赵员");

        assertThatThrownBy(() -> approve(o.head(), id, null)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> approve(o.registryStaff(), id, null)).isInstanceOf(BusinessRuleViolation.class)
                .extracting(e -> ((BusinessRuleViolation) e).messageKey()).isEqualTo("approval.rule.ownRequest");
        approve(o.registryHead(), id, null);
        assertThatThrownBy(() -> approve(o.officer(), id, null)).isInstanceOf(BusinessRuleViolation.class);
        approve(o.secondOfficer(), id, null);
        assertThat(approval(id).state()).isEqualTo(ApprovalState.GRANTED);
    }

    @Test
    void onlyTheSecrecyOfficeFilesOnSomeonesBehalf() {
        long applicant = o.registryStaff().personId();
        for (CurrentUser other : List.of(o.staff(), o.head(), o.leader(), o.foreignOfficer())) {
            assertThatThrownBy(() -> fixtures.request(other, copy("SECRET").onBehalfOf(applicant)))
                    .isInstanceOf(BusinessRuleViolation.class)
                    .extracting(e -> ((BusinessRuleViolation) e).messageKey()).isEqualTo("approval.rule.onBehalf");
        }
        assertThat(fixtures.request(o.staff(), copy("SECRET").onBehalfOf(o.staff().personId())))
                .as("for oneself is an ordinary request").isPositive();
    }

    @Test
    void aRequestFiledForADepartmentHeadSkipsTheHeadStep() {
        CurrentUser head = o.registryHead();
        as(TestUsers.administrator(Role.SECURITY_ADMIN), () -> accounts.createWithKnownPassword(
                "h" + UUID.randomUUID().toString().substring(0, 8), null, o.unit(), head.personId(),
                EnumSet.of(Role.DEPARTMENT_HEAD), "Strong#Pass2026"));
        assertThat(route(fixtures.request(o.officer(), copy("SECRET").onBehalfOf(head.personId()))))
                .containsExactly(Role.SECRECY_OFFICER);
        assertThat(route(fixtures.request(o.officer(), copy("SECRET").onBehalfOf(o.registryStaff().personId()))))
                .containsExactly(Role.DEPARTMENT_HEAD, Role.SECRECY_OFFICER);
    }

    @Test
    void grantedAndRefusedArePublishedAsEvents() {
        long granted = fixtures.request(o.head(), copy("SECRET"));
        long refused = fixtures.request(o.staff(), copy("SECRET"));
        long pending = fixtures.request(o.staff(), copy("SECRET"));
        approve(o.officer(), granted, null);
        reject(o.head(), refused, "不同意");
        approve(o.head(), pending, null);
        as(o.staff(), () -> { service.withdraw(pending); return null; });

        assertThat(events.stream(ApprovalGranted.class))
                .containsExactly(new ApprovalGranted(granted, "test.kind", "test", "T-1"));
        assertThat(events.stream(ApprovalRefused.class))
                .containsExactly(new ApprovalRefused(refused, "test.kind", "test", "T-1", "不同意"));
        assertThat(events.stream(ApprovalWithdrawn.class))
                .containsExactly(new ApprovalWithdrawn(pending, "test.kind", "test", "T-1"));
    }

    @Test
    void aRequestNeedsALinkedPersonAndAKnownLevel() {
        CurrentUser unlinked = TestUsers.user(o.unit(), null, Role.STAFF);
        assertThatThrownBy(() -> fixtures.request(unlinked, copy("SECRET"))).isInstanceOf(BusinessRuleViolation.class)
                .extracting(e -> ((BusinessRuleViolation) e).messageKey()).isEqualTo("approval.rule.noPerson");
        assertThatThrownBy(() -> fixtures.request(o.staff(), copy("机密"))).isInstanceOf(BusinessRuleViolation.class)
                .extracting(e -> ((BusinessRuleViolation) e).field()).isEqualTo("level");
        assertThatThrownBy(() -> fixtures.request(o.staff(), new NewApproval("test.kind", "test", "T-3", " ", "SECRET", false)))
                .isInstanceOf(BusinessRuleViolation.class)
                .extracting(e -> ((BusinessRuleViolation) e).field()).isEqualTo("summary");
    }

    @Test
    void everyRequestAndDecisionIsAudited() {
        long id = fixtures.request(o.staff(), copy("SECRET"));
        approve(o.head(), id, null);
        reject(o.officer(), id, "不同意");
        long withdrawn = fixtures.request(o.staff(), copy("SECRET"));
        as(o.staff(), () -> { service.withdraw(withdrawn); return null; });

        assertThat(actions(id)).containsExactly("APPROVAL_REQUESTED", "APPROVAL_APPROVED", "APPROVAL_REJECTED");
        assertThat(actions(withdrawn)).containsExactly("APPROVAL_REQUESTED", "APPROVAL_WITHDRAWN");
        assertThat(jdbc.sql("select actor from audit_events where target_type = 'approval' and target_id = ? "
                        + "and action = 'APPROVAL_REJECTED'").param(String.valueOf(id)).query(String.class).single())
                .isEqualTo(o.officer().username());
    }

    private List<String> actions(long id) {
        return jdbc.sql("select action from audit_events where target_type = 'approval' and target_id = ? order by seq")
                .param(String.valueOf(id)).query(String.class).list();
    }
}
