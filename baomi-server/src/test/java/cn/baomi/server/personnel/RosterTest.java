package cn.baomi.server.personnel;

import static cn.baomi.server.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import cn.baomi.server.shared.ClearanceLevel;
import cn.baomi.server.support.BaomiTest;
import cn.baomi.server.support.TestUsers;

/** The roster of cleared people: who counts as cleared, filters, Excel export, and the timeline of a file. */
@BaomiTest
class RosterTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    PersonnelFixtures fixtures;
    @Autowired
    FileRecords records;
    @Autowired
    JdbcClient jdbc;

    PersonnelFixtures.Org org;
    long subject;

    @BeforeEach
    void aClearedSubject() {
        org = fixtures.org();
        subject = org.subjectId();
        fixtures.cleared(org, subject, ClearanceLevel.IMPORTANT);
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void personCountsAsClearedOnlyWhenEveryItemIsDone() throws Exception {
        long colleague = org.colleague().personId();
        mvc.perform(get("/api/personnel/" + subject).with(as(org.officer())))
                .andExpect(jsonPath("$.person.cleared").value(true))
                .andExpect(jsonPath("$.person.checklist.reviewDone").value(true))
                .andExpect(jsonPath("$.person.checklist.trainingDone").value(true))
                .andExpect(jsonPath("$.person.checklist.commitmentSigned").value(true))
                .andExpect(jsonPath("$.person.checklist.levelApproved").value(true));
        // a clearance set in the person register without an approved level in the file does not count
        mvc.perform(get("/api/personnel/" + colleague).with(as(org.officer())))
                .andExpect(jsonPath("$.person.cleared").value(false))
                .andExpect(jsonPath("$.person.checklist.levelApproved").value(false));
        mvc.perform(get("/api/personnel").param("status", "CLEARED").with(as(org.officer())))
                .andExpect(jsonPath("$.items[?(@.personId == " + subject + ")]").exists())
                .andExpect(jsonPath("$.items[?(@.personId == " + colleague + ")]").doesNotExist());
        mvc.perform(get("/api/personnel").param("status", "INCOMPLETE").with(as(org.officer())))
                .andExpect(jsonPath("$.items[?(@.personId == " + colleague + ")]").exists());
    }

    @Test
    void temporaryStaffCountAsClearedOnlyWithTheirException() throws Exception {
        long temporary = org.temporary();
        fixtures.readyForPost(org, temporary);
        fixtures.approve(org, fixtures.request(org, temporary, ClearanceLevel.GENERAL, "馆务会研究同意临时接触"));
        mvc.perform(get("/api/personnel/" + temporary).with(as(org.officer())))
                .andExpect(jsonPath("$.person.checklist.exceptionNeeded").value(true))
                .andExpect(jsonPath("$.person.checklist.exceptionRecorded").value(true))
                .andExpect(jsonPath("$.person.cleared").value(true));
        mvc.perform(get("/personnel/" + temporary).with(as(org.officer())))
                .andExpect(content().string(containsString("id=\"check-exception\"")));
    }

    @Test
    void rosterFiltersByLevelAndDepartment() throws Exception {
        mvc.perform(get("/api/personnel").param("level", "CORE").with(as(org.officer())))
                .andExpect(jsonPath("$.items.length()").value(3))
                .andExpect(jsonPath("$.items[*].level").value(Matchers.everyItem(Matchers.is("CORE"))));
        mvc.perform(get("/api/personnel").param("departmentId", String.valueOf(org.registry())).with(as(org.officer())))
                .andExpect(jsonPath("$.items[*].name").value(Matchers.containsInAnyOrder("王科长", "张机要", "赵同事")));
        mvc.perform(get("/personnel").param("level", "IMPORTANT").param("q", "张").with(as(org.officer())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("张机要")))
                .andExpect(content().string(Matchers.not(containsString("王科长"))));
        assertThat(jdbc.sql("select count(*) from audit_events where action = 'PERSONNEL_ROSTER_VIEWED' and actor = ?")
                .param(org.officer().username()).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void rosterExportsToExcel() throws Exception {
        byte[] xlsx = mvc.perform(get("/personnel/export.xlsx").param("departmentId", String.valueOf(org.registry()))
                        .with(as(org.officer())))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", RosterPages.XLSX))
                .andExpect(header().string("Content-Disposition", containsString(".xlsx")))
                .andReturn().getResponse().getContentAsByteArray();
        List<String> names = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("姓名");
            for (Row row : sheet) {
                if (row.getRowNum() > 0) {
                    names.add(row.getCell(0).getStringCellValue());
                }
            }
            Row first = sheet.getRow(1);
            assertThat(first.getCell(3).getStringCellValue()).isIn("重要", "一般");
            int neverReviewedRows = 0;
            for (Row row : sheet) {
                boolean neverReviewed = row.getRowNum() > 0 && (row.getCell(6) == null
                        || row.getCell(6).getCellType() == CellType.BLANK
                        || row.getCell(6).toString().isEmpty());
                if (neverReviewed) {
                    assertThat(row.getCell(7).getStringCellValue()).as("as the page says it").isEqualTo("尚未审查");
                    neverReviewedRows++;
                }
            }
            assertThat(neverReviewedRows).as("the department has someone never reviewed").isPositive();
        }
        assertThat(names).containsExactlyInAnyOrder("王科长", "张机要", "赵同事");
        assertThat(jdbc.sql("select count(*) from audit_events where action = 'PERSONNEL_ROSTER_EXPORTED' and actor = ?")
                .param(org.officer().username()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void rosterExportsToExcelThroughTheApi() throws Exception {
        byte[] xlsx = mvc.perform(get("/api/personnel/export.xlsx").param("level", "CORE").with(as(org.officer())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(3);
        }
    }

    /** Someone who does not see the roster (its page sends them to their own file) is refused its export. */
    @Test
    void exportIsRefusedToSomeoneWhoDoesNotSeeTheRoster() throws Exception {
        mvc.perform(get("/personnel/export.xlsx").with(as(org.colleague()))).andExpect(status().isForbidden());
        mvc.perform(get("/api/personnel/export.xlsx").with(as(org.colleague()))).andExpect(status().isForbidden());
    }

    @Test
    void timelineListsTheFileNewestFirst() throws Exception {
        PersonnelFixtures.as(org.officer(), () -> records.recordTalk(subject, talk(LocalDate.now())));
        mvc.perform(get("/api/personnel/" + subject + "/timeline").with(as(org.subject()))).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].type").value(Matchers.oneOf("TALK", "LEVEL_GRANTED", "LEVEL_REQUESTED")))
                .andExpect(jsonPath("$[?(@.type == 'REVIEW')].text").value(Matchers.hasItem(
                        "背景审查（岗前审查）：通过，审查人 组织人事处 刘审查")))
                .andExpect(jsonPath("$[?(@.type == 'LEVEL_GRANTED')].text").value(Matchers.hasItem(
                        "涉密等级经审批生效：重要")))
                .andExpect(jsonPath("$[?(@.type == 'TRAINING')]").exists())
                .andExpect(jsonPath("$[?(@.type == 'COMMITMENT')]").exists())
                .andExpect(jsonPath("$[-1].type").value("REVIEW"));
        mvc.perform(get("/personnel/" + subject + "/timeline").with(as(org.subject()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("提醒谈话，谈话人 周馆长")));
    }

    @Test
    void recordsWithBadInputAreRefusedWithAClearMessage() throws Exception {
        RecordForm training = PersonnelFixtures.training("ANNUAL", LocalDate.now(), null);
        training.setHours(new BigDecimal("0"));
        mvc.perform(post(
                                "/personnel/" + subject + "/trainings").with(as(org.officer()))
                        .with(csrf())
                        .param("kind", "ANNUAL").param("date", LocalDate.now().toString()).param("topic", "年度培训")
                        .param("hours", "0"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problem",
                        "保密培训学时 · 学时：学时须大于 0、不超过 200，最多一位小数。"));
        mvc.perform(post(
                                "/api/personnel/" + subject + "/matters").with(as(org.officer()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"date\":\"" + LocalDate.now() + "\",\"text\":\"配偶赴美留学\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("category"));
        assertThat(jdbc.sql("select count(*) from personnel_trainings where person_id = ? and kind = 'ANNUAL'")
                .param(subject).query(Long.class).single()).isZero();
    }

    @Test
    void rosterIsPagedInTheDatabaseWithItsTotal() throws Exception {
        List<Object> seen = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            String body = mvc.perform(get("/api/personnel").param("size", "3").param("page", String.valueOf(page))
                            .with(as(org.officer())))
                    .andExpect(jsonPath("$.total").value(7)).andExpect(jsonPath("$.size").value(3))
                    .andExpect(jsonPath("$.items.length()").value(page < 2 ? 3 : 1))
                    .andReturn().getResponse().getContentAsString();
            seen.addAll(JsonPath.read(body, "$.items[*].personId"));
        }
        assertThat(seen).hasSize(7).doesNotHaveDuplicates();
        List<String> levels = JsonPath.read(mvc.perform(get("/api/personnel").with(as(org.officer())))
                .andReturn().getResponse().getContentAsString(), "$.items[*].level");
        assertThat(levels).as("core first, then important, then general")
                .containsExactly("CORE", "CORE", "CORE", "IMPORTANT", "IMPORTANT", "IMPORTANT", "GENERAL");
        mvc.perform(get("/personnel").with(as(org.officer()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("第 1 / 1 页，共 7 人")));
        mvc.perform(get("/api/personnel").param("size", "1000").with(as(org.officer())))
                .andExpect(jsonPath("$.size").value(100));
    }

    @Test
    void rosterFiltersInTheDatabaseAgreeWithTheFileStatus() throws Exception {
        LocalDate today = LocalDate.now();
        PersonnelFixtures.as(org.officer(), () -> {
            review(org.leader().personId(), today.minusYears(2));
            review(org.secondOfficer().personId(), today.minusYears(1).plusDays(10));
            review(org.registryHead().personId(), today.minusYears(1));
            records.recordCommitment(org.registryHead().personId(), PersonnelFixtures.commitment("ANNUAL",
                    today.minusMonths(13)));
            review(org.officeHead().personId(), today.minusMonths(2));
            review(org.colleague().personId(), today.minusYears(5).plusDays(10));
            records.recordCommitment(org.colleague().personId(), PersonnelFixtures.commitment("ANNUAL", today));
            review(org.officer().personId(), today);
            records.recordCommitment(org.officer().personId(), PersonnelFixtures.commitment("ANNUAL", today));
        });
        // a change of post not reviewed since calls for a re-review at once, whenever the last review was
        mvc.perform(put("/api/persons/{id}", org.registryHead().personId()).with(as(org.officer()))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"王科长\",\"unitId\":" + org.unit()
                        + ",\"departmentId\":" + org.office() + ",\"employmentType\":\"REGULAR\",\"clearance\":\"IMPORTANT\"}"))
                .andExpect(status().isOk());
        String all = mvc.perform(get("/api/personnel").param("size", "100").with(as(org.officer())))
                .andReturn().getResponse().getContentAsString();
        java.util.Map<RosterStatus, String> flags = java.util.Map.of(RosterStatus.CLEARED, "cleared == true",
                RosterStatus.INCOMPLETE, "cleared == false", RosterStatus.REVIEW_OVERDUE, "reviewOverdue == true",
                RosterStatus.REVIEW_DUE_SOON, "reviewDueSoon == true",
                RosterStatus.COMMITMENT_OUT_OF_DATE, "commitmentOutOfDate == true");
        java.util.Map<RosterStatus, Integer> expected = new java.util.EnumMap<>(RosterStatus.class);
        for (RosterStatus status : RosterStatus.values()) {
            List<Object> byFlags = JsonPath.read(all, "$.items[?(@." + flags.get(status) + ")].personId");
            String filtered = mvc.perform(get("/api/personnel").param("status", status.name()).param("size", "100")
                    .with(as(org.officer()))).andReturn().getResponse().getContentAsString();
            List<Object> byDatabase = JsonPath.read(filtered, "$.items[*].personId");
            assertThat(byDatabase).as(status.name()).containsExactlyInAnyOrderElementsOf(byFlags);
            assertThat(((Number) JsonPath.read(filtered, "$.total")).intValue()).as(status.name()).isEqualTo(byFlags.size());
            expected.put(status, byFlags.size());
        }
        assertThat(expected).containsEntry(RosterStatus.CLEARED, 1).containsEntry(RosterStatus.REVIEW_DUE_SOON, 2)
                .containsEntry(RosterStatus.COMMITMENT_OUT_OF_DATE, 4)
                .as("the leader's old review and the moved head's change of post").containsEntry(
                        RosterStatus.REVIEW_OVERDUE, 2);
        mvc.perform(get("/api/personnel/counts").with(as(org.officer())))
                .andExpect(jsonPath("$.core").value(3)).andExpect(jsonPath("$.important").value(3))
                .andExpect(jsonPath("$.general").value(1))
                .andExpect(jsonPath("$.reviewsOverdue").value(expected.get(RosterStatus.REVIEW_OVERDUE)))
                .andExpect(jsonPath("$.reviewsDueSoon").value(expected.get(RosterStatus.REVIEW_DUE_SOON)))
                .andExpect(jsonPath("$.commitmentsOutOfDate").value(expected.get(RosterStatus.COMMITMENT_OUT_OF_DATE)))
                .andExpect(jsonPath("$.incomplete").value(expected.get(RosterStatus.INCOMPLETE)));
    }

    @Test
    void exportHasEveryFilteredRowNotJustAPage() throws Exception {
        byte[] xlsx = mvc.perform(get("/api/personnel/export.xlsx").param("size", "2").with(as(org.officer())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(7);
        }
        assertThat(jdbc.sql("select detail from audit_events where action = 'PERSONNEL_ROSTER_EXPORTED' and actor = ?")
                .param(org.officer().username()).query(String.class).single()).isEqualTo("rows=7");
    }

    private void review(long personId, LocalDate on) {
        records.recordReview(personId, PersonnelFixtures.review("PERIODIC", on, ReviewOutcome.PASSED));
    }

    private static RecordForm talk(LocalDate on) {
        RecordForm form = new RecordForm();
        form.setDate(on);
        form.setCounterpart("周馆长");
        form.setText("节前保密提醒");
        return form;
    }
}
