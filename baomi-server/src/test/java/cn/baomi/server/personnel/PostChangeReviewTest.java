package cn.baomi.server.personnel;

import static cn.baomi.server.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import cn.baomi.server.organization.OrganizationSetup;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.support.BaomiTest;
import cn.baomi.server.support.TestUsers;

/**
 * Re-review on a change of post (domain.md §3: "… and on any change of post"): moving a cleared person to another
 * department, position or unit makes the re-review due at once — in the file, the roster and the reminders — until a
 * review passes on or after the day of the change.
 */
@BaomiTest
class PostChangeReviewTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    PersonnelFixtures fixtures;
    @Autowired
    OrganizationSetup organization;
    @Autowired
    FileRecords records;
    @Autowired
    JdbcClient jdbc;

    PersonnelFixtures.Org org;
    LocalDate today = LocalDate.now();

    @BeforeEach
    void aUnitWhoseColleagueWasReviewedLastMonth() throws Exception {
        org = fixtures.org();
        review(org.colleague().personId(), today.minusMonths(1), "PERIODIC");
        file(org.colleague()).andExpect(jsonPath("$.person.reviewOverdue").value(false));
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void aChangeOfPostCallsForAReReviewAtOnce() throws Exception {
        long colleague = org.colleague().personId();
        move(colleague, "赵同事", org.office(), null).andExpect(status().isOk());

        file(org.colleague()).andExpect(jsonPath("$.person.reviewOverdue").value(true))
                .andExpect(jsonPath("$.person.reviewDue").value(today.toString()))
                .andExpect(jsonPath("$.person.postChangedOn").value(today.toString()));
        mvc.perform(get("/api/personnel").param("status", "REVIEW_OVERDUE").with(as(org.officer())))
                .andExpect(jsonPath("$.items[?(@.personId == " + colleague + ")]").exists());
        mvc.perform(get("/personnel/" + colleague).with(as(org.officer()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("岗位变动，须立即复审")));
        mvc.perform(get("/api/personnel/" + colleague + "/timeline").with(as(org.officer())))
                .andExpect(jsonPath("$[?(@.type == 'POST_CHANGE')]").exists());
        mvc.perform(get("/").with(as(org.colleague()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("您的涉密人员定期复审已到期")));
        mvc.perform(get("/").with(as(org.officer()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("/personnel?status=REVIEW_OVERDUE")));
        assertThat(jdbc.sql("select count(*) from audit_events where action = 'PERSONNEL_REVIEW_CALLED' and target_id = ?")
                .param(String.valueOf(colleague)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aChangeOfPositionIsAChangeOfPostToo() throws Exception {
        TestUsers.signIn(org.officer());
        long clerk = organization.createPosition(org.unit(), "文书");
        TestUsers.signOut();
        move(org.colleague().personId(), "赵同事", org.registry(), clerk).andExpect(status().isOk());
        file(org.colleague()).andExpect(jsonPath("$.person.reviewOverdue").value(true));
    }

    @Test
    void aReviewPassedAfterTheChangeSettlesIt() throws Exception {
        long colleague = org.colleague().personId();
        move(colleague, "赵同事", org.office(), null).andExpect(status().isOk());
        review(colleague, today, "POST_CHANGE");

        file(org.colleague()).andExpect(jsonPath("$.person.reviewOverdue").value(false))
                .andExpect(jsonPath("$.person.postChangedOn").doesNotExist())
                .andExpect(jsonPath("$.person.reviewDue").value(today.plusYears(5).toString()));
        mvc.perform(get("/api/personnel").param("status", "REVIEW_OVERDUE").with(as(org.officer())))
                .andExpect(jsonPath("$.items[?(@.personId == " + colleague + ")]").doesNotExist());
    }

    @Test
    void aNewNameIsNoChangeOfPost() throws Exception {
        long colleague = org.colleague().personId();
        move(colleague, "赵同事（更名）", org.registry(), null).andExpect(status().isOk());
        file(org.colleague()).andExpect(jsonPath("$.person.reviewOverdue").value(false));
        assertThat(postChanges(colleague)).isZero();
    }

    @Test
    void aPersonWithoutClearanceNeedsNoReReviewOnAChangeOfPost() throws Exception {
        long subject = org.subjectId();
        move(subject, "张机要", org.office(), null, "NONE").andExpect(status().isOk());
        assertThat(postChanges(subject)).isZero();
    }

    private ResultActions move(long personId, String name, long departmentId, Long positionId) throws Exception {
        return move(personId, name, departmentId, positionId, "GENERAL");
    }

    private ResultActions move(long personId, String name, long departmentId, Long positionId, String clearance)
            throws Exception {
        String body = "{\"name\":\"" + name + "\",\"unitId\":" + org.unit() + ",\"departmentId\":" + departmentId
                + (positionId == null ? "" : ",\"positionId\":" + positionId)
                + ",\"employmentType\":\"REGULAR\",\"clearance\":\"" + clearance + "\"}";
        return mvc.perform(put("/api/persons/{id}", personId).with(as(org.officer()))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private long postChanges(long personId) {
        return jdbc.sql("select count(*) from personnel_post_changes where person_id = ?").param(personId)
                .query(Long.class).single();
    }

    private void review(long personId, LocalDate on, String kind) {
        PersonnelFixtures.as(org.officer(), () -> records.recordReview(personId,
                PersonnelFixtures.review(kind, on, ReviewOutcome.PASSED)));
    }

    private ResultActions file(CurrentUser person) throws Exception {
        return mvc.perform(get("/api/personnel/" + person.personId()).with(as(org.officer())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.person.personId").value(person.personId()))
                .andExpect(jsonPath("$.person.name").value(Matchers.startsWith("赵同事")));
    }
}
