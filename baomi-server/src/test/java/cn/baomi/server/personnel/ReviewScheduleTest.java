package cn.baomi.server.personnel;

import static cn.baomi.server.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.Period;
import java.util.Map;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import cn.baomi.server.shared.ClearanceLevel;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.support.BaomiTest;
import cn.baomi.server.support.TestUsers;

/**
 * Periodic re-review (domain.md §3: commonly core yearly, important every 3 years, general every 5 — configurable),
 * commitments renewed yearly, and the reminders on the home page.
 */
@BaomiTest
class ReviewScheduleTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    PersonnelFixtures fixtures;
    @Autowired
    FileRecords records;
    @Autowired
    PersonnelSettings settings;

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
    void reReviewIntervalFollowsTheLevelByDefault() {
        LocalDate last = LocalDate.of(2025, 3, 1);
        assertThat(settings.reviewDue(ClearanceLevel.CORE, last)).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(settings.reviewDue(ClearanceLevel.IMPORTANT, last)).isEqualTo(LocalDate.of(2028, 3, 1));
        assertThat(settings.reviewDue(ClearanceLevel.GENERAL, last)).isEqualTo(LocalDate.of(2030, 3, 1));
        assertThat(settings.reviewDue(ClearanceLevel.NONE, last)).isNull();
    }

    @Test
    void reReviewIntervalIsConfigurable() {
        PersonnelSettings custom = new Binder(new MapConfigurationPropertySource(Map.of(
                "baomi.personnel.review-interval.core", "2y", "baomi.personnel.review-interval.general", "P4Y")))
                .bind("baomi.personnel", PersonnelSettings.class).get();
        LocalDate last = LocalDate.of(2025, 3, 1);
        assertThat(custom.reviewDue(ClearanceLevel.CORE, last)).isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(custom.reviewDue(ClearanceLevel.IMPORTANT, last)).isEqualTo(LocalDate.of(2028, 3, 1));
        assertThat(custom.reviewDue(ClearanceLevel.GENERAL, last)).isEqualTo(LocalDate.of(2029, 3, 1));
        assertThat(custom.commitmentValidity()).isEqualTo(Period.ofYears(1));
    }

    @Test
    void coreIsOverdueAfterAYearImportantIsNot() throws Exception {
        LocalDate thirteenMonthsAgo = LocalDate.now().minusMonths(13);
        review(org.leader().personId(), thirteenMonthsAgo);
        review(org.registryHead().personId(), thirteenMonthsAgo);

        row(org.leader()).andExpect(jsonPath("$.person.reviewOverdue").value(true))
                .andExpect(jsonPath("$.person.reviewDue").value(thirteenMonthsAgo.plusYears(1).toString()));
        row(org.registryHead()).andExpect(jsonPath("$.person.reviewOverdue").value(false))
                .andExpect(jsonPath("$.person.reviewDue").value(thirteenMonthsAgo.plusYears(3).toString()));
    }

    @Test
    void neverReviewedCountsAsOverdue() throws Exception {
        row(org.colleague()).andExpect(jsonPath("$.person.lastReview").doesNotExist())
                .andExpect(jsonPath("$.person.reviewOverdue").value(true));
    }

    @Test
    void failedReviewDoesNotRestartTheSchedule() throws Exception {
        LocalDate sixYearsAgo = LocalDate.now().minusYears(6);
        review(org.colleague().personId(), sixYearsAgo);
        PersonnelFixtures.as(org.officer(), () -> records.recordReview(org.colleague().personId(),
                PersonnelFixtures.review("PERIODIC", LocalDate.now(), ReviewOutcome.FAILED)));
        row(org.colleague()).andExpect(jsonPath("$.person.lastReview").value(sixYearsAgo.toString()))
                .andExpect(jsonPath("$.person.reviewOverdue").value(true));
    }

    @Test
    void reReviewShowsAsDueSoonWithinThirtyDays() throws Exception {
        review(org.colleague().personId(), LocalDate.now().minusYears(5).plusDays(10));
        row(org.colleague()).andExpect(jsonPath("$.person.reviewOverdue").value(false));
        mvc.perform(get("/api/personnel").param("status", "REVIEW_DUE_SOON").with(as(org.officer())))
                .andExpect(jsonPath("$.items[?(@.personId == " + org.colleague().personId() + ")]").exists());
    }

    @Test
    void commitmentIsOutOfDateAfterAYear() throws Exception {
        commitment(org.leader().personId(), LocalDate.now().minusMonths(13));
        commitment(org.registryHead().personId(), LocalDate.now().minusMonths(2));
        row(org.leader()).andExpect(jsonPath("$.person.commitmentOutOfDate").value(true));
        row(org.registryHead()).andExpect(jsonPath("$.person.commitmentOutOfDate").value(false));
    }

    /**
     * Someone never reviewed is due at once, and someone who never signed is out of date; the roster and the file
     * say so in words ("尚未审查", "未签订") instead of today's date marked overdue and a dash marked out of date.
     */
    @Test
    void neverReviewedAndNeverSignedAreNamedSoInTheRosterAndTheFile() throws Exception {
        commitment(org.registryHead().personId(), LocalDate.now().minusMonths(13));
        String roster = mvc.perform(get("/personnel").with(as(org.officer()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(roster).contains("尚未审查").contains("未签订").contains("已过期");
        String file = mvc.perform(get("/personnel/" + org.colleague().personId()).with(as(org.officer())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(file).contains("尚未审查").contains("未签订").doesNotContain(">逾期<").doesNotContain(">已过期<");
        review(org.colleague().personId(), LocalDate.now().minusYears(6));
        commitment(org.colleague().personId(), LocalDate.now().minusMonths(13));
        file = mvc.perform(get("/personnel/" + org.colleague().personId()).with(as(org.officer())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(file).contains(">逾期<").contains(">已过期<").doesNotContain("尚未审查").doesNotContain("未签订");
    }

    @Test
    void overdueReReviewsAndOldCommitmentsBecomeHomePageTodos() throws Exception {
        review(org.leader().personId(), LocalDate.now().minusMonths(13));
        mvc.perform(get("/").with(as(org.officer()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("名涉密人员的定期复审已逾期")))
                .andExpect(content().string(containsString("未签订保密承诺书或已超过一年未重新签订")))
                .andExpect(content().string(containsString("/personnel?status=REVIEW_OVERDUE")));
        mvc.perform(get("/").with(as(org.colleague()))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(containsString("定期复审已逾期"))));
    }

    @Test
    void clearedPersonIsRemindedOfTheirOwnReReviewAndCommitment() throws Exception {
        mvc.perform(get("/").with(as(org.colleague()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("您的涉密人员定期复审已到期")))
                .andExpect(content().string(containsString("您尚未签订年度保密承诺书或已超过一年未重新签订")));
        review(org.colleague().personId(), LocalDate.now().minusDays(3));
        commitment(org.colleague().personId(), LocalDate.now().minusDays(3));
        mvc.perform(get("/").with(as(org.colleague()))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(containsString("您的涉密人员定期复审已到期"))))
                .andExpect(content().string(Matchers.not(containsString("您的年度保密承诺书"))));
        mvc.perform(get("/").with(as(org.subject()))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(containsString("您的涉密人员定期复审已到期"))));
    }

    @Test
    void homePageCountsFollowTheLevels() throws Exception {
        mvc.perform(get("/api/personnel/counts").with(as(org.officer()))).andExpect(status().isOk())
                .andExpect(jsonPath("$.core").value(3))
                .andExpect(jsonPath("$.important").value(2))
                .andExpect(jsonPath("$.general").value(1))
                .andExpect(jsonPath("$.reviewsOverdue").value(6))
                .andExpect(jsonPath("$.commitmentsOutOfDate").value(6));
    }

    private void review(long personId, LocalDate on) {
        PersonnelFixtures.as(org.officer(), () -> records.recordReview(personId,
                PersonnelFixtures.review("PERIODIC", on, ReviewOutcome.PASSED)));
    }

    private void commitment(long personId, LocalDate on) {
        PersonnelFixtures.as(org.officer(), () -> records.recordCommitment(personId,
                PersonnelFixtures.commitment("ANNUAL", on)));
    }

    private org.springframework.test.web.servlet.ResultActions row(CurrentUser person) throws Exception {
        return mvc.perform(get("/api/personnel/" + person.personId()).with(as(org.officer()))).andExpect(status().isOk());
    }
}
