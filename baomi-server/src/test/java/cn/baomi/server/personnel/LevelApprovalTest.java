package cn.baomi.server.personnel;

import static cn.baomi.server.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.baomi.server.approval.ApprovalService;
import cn.baomi.server.shared.BusinessRuleViolation;
import cn.baomi.server.shared.ClearanceLevel;
import cn.baomi.server.support.BaomiTest;
import cn.baomi.server.support.TestUsers;

/** Levels (domain.md §3): approved before they count, a first level only after review, training and commitment. */
@BaomiTest
class LevelApprovalTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    PersonnelFixtures fixtures;
    @Autowired
    FileRecords records;
    @Autowired
    LevelService levels;
    @Autowired
    ApprovalService approvals;
    @Autowired
    JdbcClient jdbc;

    PersonnelFixtures.Org org;

    @BeforeEach
    void aUnit() {
        org = fixtures.org();
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void firstLevelNeedsReviewTrainingAndCommitment() {
        long subject = org.subjectId();
        assertRefused(() -> fixtures.request(org, subject, ClearanceLevel.GENERAL, null), "personnel.level.needsReview");
        PersonnelFixtures.as(org.officer(), () -> records.recordReview(subject,
                PersonnelFixtures.review("PRE_POST", java.time.LocalDate.now(), ReviewOutcome.PASSED)));
        assertRefused(() -> fixtures.request(org, subject, ClearanceLevel.GENERAL, null), "personnel.level.needsTraining");
        PersonnelFixtures.as(org.officer(), () -> records.recordTraining(subject,
                PersonnelFixtures.training("PRE_POST", java.time.LocalDate.now(), false)));
        assertRefused(() -> fixtures.request(org, subject, ClearanceLevel.GENERAL, null), "personnel.level.needsTraining");
        PersonnelFixtures.as(org.officer(), () -> records.recordTraining(subject,
                PersonnelFixtures.training("PRE_POST", java.time.LocalDate.now(), true)));
        assertRefused(() -> fixtures.request(org, subject, ClearanceLevel.GENERAL, null), "personnel.level.needsCommitment");
        PersonnelFixtures.as(org.officer(), () -> records.recordCommitment(subject,
                PersonnelFixtures.commitment("PRE_POST", java.time.LocalDate.now())));

        long change = fixtures.request(org, subject, ClearanceLevel.GENERAL, null);
        assertThat(fixtures.state(change)).isEqualTo("PENDING");
    }

    @Test
    void theApprovalPageNamesThePersonOfALevelChangeAndLinksToTheirFile() throws Exception {
        long subject = org.subjectId();
        fixtures.readyForPost(org, subject);
        long change = fixtures.request(org, subject, ClearanceLevel.IMPORTANT, null);
        long approval = jdbc.sql("select approval_id from personnel_levels where id = ?").param(change)
                .query(Long.class).single();
        mvc.perform(get("/approvals/" + approval).with(as(org.secondOfficer()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("涉密等级变更：张机要")))
                .andExpect(content().string(containsString("href=\"/personnel/" + subject + "\"")));
        mvc.perform(get("/api/approvals/" + approval).with(as(org.secondOfficer()))).andExpect(status().isOk())
                .andExpect(jsonPath("$.subject.link").value("/personnel/" + subject));
        mvc.perform(get("/api/approvals/" + approval).with(as(org.siblingOfficer()))).andExpect(status().isNotFound());
    }

    @Test
    void failedReviewDoesNotCountForThePost() {
        long subject = org.subjectId();
        PersonnelFixtures.as(org.officer(), () -> records.recordReview(subject,
                PersonnelFixtures.review("PRE_POST", java.time.LocalDate.now(), ReviewOutcome.FAILED)));
        assertRefused(() -> fixtures.request(org, subject, ClearanceLevel.GENERAL, null), "personnel.level.needsReview");
    }

    @Test
    void levelTakesEffectOnlyOnApproval() {
        long subject = org.subjectId();
        fixtures.readyForPost(org, subject);
        long change = fixtures.request(org, subject, ClearanceLevel.IMPORTANT, null);

        assertThat(fixtures.clearance(subject)).isEqualTo("NONE");
        assertThat(steps(change)).containsExactly("SECRECY_OFFICER");

        fixtures.approve(org, change);

        assertThat(fixtures.clearance(subject)).isEqualTo("IMPORTANT");
        assertThat(fixtures.state(change)).isEqualTo("GRANTED");
        assertThat(jdbc.sql("select effective_on from personnel_levels where id = ?").param(change)
                .query(java.time.LocalDate.class).single()).isEqualTo(java.time.LocalDate.now());
        assertThat(audited("PERSON_CLEARANCE_CHANGED", subject)).isEqualTo(1);
        assertThat(audited("PERSONNEL_LEVEL_GRANTED", subject)).isEqualTo(1);
    }

    @Test
    void coreLevelAlsoNeedsTheUnitLeader() {
        long subject = org.subjectId();
        fixtures.readyForPost(org, subject);
        long change = fixtures.request(org, subject, ClearanceLevel.CORE, null);

        assertThat(steps(change)).containsExactly("SECRECY_OFFICER", "UNIT_LEADER");
        long approval = fixtures.approvalOf(change);
        PersonnelFixtures.as(org.secondOfficer(), () -> approvals.approve(approval, null));
        assertThat(fixtures.clearance(subject)).isEqualTo("NONE");
        PersonnelFixtures.as(org.leader(), () -> approvals.approve(approval, "同意"));
        assertThat(fixtures.clearance(subject)).isEqualTo("CORE");
    }

    @Test
    void refusedLevelChangeChangesNothing() {
        long subject = org.subjectId();
        fixtures.readyForPost(org, subject);
        long change = fixtures.request(org, subject, ClearanceLevel.GENERAL, null);
        PersonnelFixtures.as(org.secondOfficer(), () -> approvals.reject(fixtures.approvalOf(change), "审查材料不全"));

        assertThat(fixtures.state(change)).isEqualTo("REFUSED");
        assertThat(fixtures.clearance(subject)).isEqualTo("NONE");
    }

    @Test
    void withdrawnLevelChangeNeverTakesEffect() {
        long subject = org.subjectId();
        fixtures.readyForPost(org, subject);
        long change = fixtures.request(org, subject, ClearanceLevel.GENERAL, null);
        PersonnelFixtures.as(org.officer(), () -> levels.withdraw(subject, change));

        assertThat(fixtures.state(change)).isEqualTo("WITHDRAWN");
        assertThat(jdbc.sql("select state from approvals where id = ?").param(fixtures.approvalOf(change))
                .query(String.class).single()).isEqualTo("WITHDRAWN");
        assertThat(fixtures.clearance(subject)).isEqualTo("NONE");
        assertThat(audited("PERSONNEL_LEVEL_WITHDRAWN", subject)).isEqualTo(1);
    }

    @Test
    void withdrawingALevelRequestClearsItFromTheFile() throws Exception {
        long subject = org.subjectId();
        fixtures.readyForPost(org, subject);
        long change = fixtures.request(org, subject, ClearanceLevel.GENERAL, null);
        long approval = fixtures.approvalOf(change);

        mvc.perform(post("/approvals/{id}/withdraw", approval).with(csrf()).with(as(org.officer())))
                .andExpect(status().is3xxRedirection());

        assertThat(fixtures.state(change)).isEqualTo("WITHDRAWN");
        assertThat(audited("PERSONNEL_LEVEL_WITHDRAWN", subject)).isEqualTo(1);
        mvc.perform(get("/personnel/{id}", subject).with(as(org.officer()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("已撤回")))
                .andExpect(content().string(not(containsString("/levels/" + change + "/withdraw"))));
        mvc.perform(get("/api/personnel/{id}", subject).with(as(org.officer())))
                .andExpect(jsonPath("$.levels[0].state").value("WITHDRAWN"));
        long next = fixtures.request(org, subject, ClearanceLevel.GENERAL, null);
        assertThat(fixtures.state(next)).as("no longer blocked by a pending change").isEqualTo("PENDING");
    }

    @Test
    void aLevelRequestWithdrawnThroughTheApprovalApiIsWithdrawnInTheFileToo() throws Exception {
        long subject = org.subjectId();
        fixtures.readyForPost(org, subject);
        long change = fixtures.request(org, subject, ClearanceLevel.GENERAL, null);

        mvc.perform(post("/api/approvals/{id}/withdraw", fixtures.approvalOf(change)).with(as(org.officer())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("WITHDRAWN"));

        assertThat(fixtures.state(change)).isEqualTo("WITHDRAWN");
        assertRefused(() -> PersonnelFixtures.as(org.officer(), () -> levels.withdraw(subject, change)),
                "personnel.level.notPending");
    }

    @Test
    void onlyOneLevelChangeAwaitsApprovalAtATime() {
        long subject = org.subjectId();
        fixtures.readyForPost(org, subject);
        fixtures.request(org, subject, ClearanceLevel.GENERAL, null);
        assertRefused(() -> fixtures.request(org, subject, ClearanceLevel.IMPORTANT, null), "personnel.level.pending");
    }

    @Test
    void unchangedLevelIsRefused() {
        long colleague = org.colleague().personId();
        assertRefused(() -> fixtures.request(org, colleague, ClearanceLevel.GENERAL, null), "personnel.level.unchanged");
    }

    @Test
    void levelChangeOfAClearedPersonNeedsNoNewChecklist() {
        long colleague = org.colleague().personId();
        long change = fixtures.request(org, colleague, ClearanceLevel.IMPORTANT, null);
        fixtures.approve(org, change);
        assertThat(fixtures.clearance(colleague)).isEqualTo("IMPORTANT");
    }

    @Test
    void temporaryStaffNeedAnException() {
        long temporary = org.temporary();
        fixtures.readyForPost(org, temporary);
        assertRefused(() -> fixtures.request(org, temporary, ClearanceLevel.GENERAL, null),
                "personnel.level.exceptionRequired");
        assertRefused(() -> fixtures.request(org, temporary, ClearanceLevel.GENERAL, "  "),
                "personnel.level.exceptionRequired");

        long change = fixtures.request(org, temporary, ClearanceLevel.GENERAL, "临时承担机要文件登记，经馆务会研究同意");
        fixtures.approve(org, change);

        assertThat(fixtures.clearance(temporary)).isEqualTo("GENERAL");
        assertThat(jdbc.sql("select exception_reason from personnel_levels where id = ?").param(change)
                .query(String.class).single()).isEqualTo("临时承担机要文件登记，经馆务会研究同意");
        assertThat(jdbc.sql("select summary from approvals where id = ?").param(fixtures.approvalOf(change))
                .query(String.class).single()).contains("例外");
    }

    @Test
    void onlyTheSecrecyOfficeAsksForALevel() {
        long subject = org.subjectId();
        fixtures.readyForPost(org, subject);
        LevelForm form = new LevelForm();
        form.setToLevel(ClearanceLevel.GENERAL);
        form.setReason("岗位需要");
        assertThatThrownBy(() -> PersonnelFixtures.as(org.leader(), () -> levels.request(subject, form)))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThatThrownBy(() -> PersonnelFixtures.as(org.siblingOfficer(), () -> levels.request(subject, form)))
                .isInstanceOf(cn.baomi.server.shared.NotFound.class);
    }

    @Test
    void clearanceIsNotEditedInThePersonRegister() throws Exception {
        long colleague = org.colleague().personId();
        String body = "{\"name\":\"赵同事\",\"unitId\":" + org.unit() + ",\"departmentId\":" + org.registry()
                + ",\"employmentType\":\"REGULAR\",\"clearance\":\"CORE\"}";
        mvc.perform(put("/api/persons/{id}", colleague).with(as(org.officer()))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("clearance"))
                .andExpect(jsonPath("$.errors[0].message", containsString("保密档案中提出等级变更")));
        assertThat(fixtures.clearance(colleague)).isEqualTo("GENERAL");
        mvc.perform(get("/persons/{id}/edit", colleague).with(as(org.officer()))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<option value=\"CORE\""))));
    }

    private java.util.List<String> steps(long change) {
        return jdbc.sql("select role from approval_steps where approval_id = ? order by step_no")
                .param(fixtures.approvalOf(change)).query(String.class).list();
    }

    private long audited(String action, long personId) {
        return jdbc.sql("select count(*) from audit_events where action = ? and target_id = ?")
                .params(action, String.valueOf(personId)).query(Long.class).single();
    }

    private static void assertRefused(Runnable action, String key) {
        assertThatThrownBy(action::run).isInstanceOf(BusinessRuleViolation.class)
                .extracting(e -> ((BusinessRuleViolation) e).messageKey()).isEqualTo(key);
    }
}
