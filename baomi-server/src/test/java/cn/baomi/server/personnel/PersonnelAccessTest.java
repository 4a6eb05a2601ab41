package cn.baomi.server.personnel;

import static cn.baomi.server.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
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

import cn.baomi.server.shared.ClearanceLevel;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.Role;
import cn.baomi.server.support.BaomiTest;
import cn.baomi.server.support.TestUsers;

/**
 * Who sees a secrecy file: the secrecy office of the unit or above, the person's leaders, the person; everyone
 * else is told it does not exist (404), in the pages and the API. Every view is audited, a denial is not a view.
 */
@BaomiTest
class PersonnelAccessTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    PersonnelFixtures fixtures;
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
    void secrecyOfficeSeesTheFile() throws Exception {
        assertSees(org.officer());
    }

    @Test
    void secrecyOfficeOfTheUnitAboveSeesTheFile() throws Exception {
        assertSees(org.bureauOfficer());
    }

    @Test
    void headOfThePersonsDepartmentSeesTheFile() throws Exception {
        assertSees(org.registryHead());
    }

    @Test
    void unitLeaderSeesTheFile() throws Exception {
        assertSees(org.leader());
    }

    @Test
    void personSeesTheirOwnFile() throws Exception {
        assertSees(org.subject());
        mvc.perform(get("/personnel/me").with(as(org.subject()))).andExpect(redirectedUrl("/personnel/" + subject));
    }

    @Test
    void colleagueIsRefused() throws Exception {
        assertRefused(org.colleague());
    }

    @Test
    void headOfAnotherDepartmentIsRefused() throws Exception {
        assertRefused(org.officeHead());
    }

    @Test
    void secrecyOfficeOfAnotherUnitIsRefused() throws Exception {
        assertRefused(org.siblingOfficer());
    }

    @Test
    void supervisorIsRefused() throws Exception {
        assertRefused(org.supervisor());
    }

    @Test
    void leaderOfAnotherUnitIsRefused() throws Exception {
        assertRefused(TestUsers.user(org.sibling(), null, Role.UNIT_LEADER));
    }

    @Test
    void administratorsAreRefused() throws Exception {
        for (Role role : Role.administrators()) {
            CurrentUser admin = TestUsers.administrator(role);
            mvc.perform(get("/personnel/" + subject).with(as(admin))).andExpect(status().isForbidden());
            mvc.perform(get("/api/personnel/" + subject).with(as(admin))).andExpect(status().isForbidden());
        }
    }

    @Test
    void scannedCopiesFollowTheFilesAccess() throws Exception {
        long scan = uploadScan();
        mvc.perform(get("/personnel/" + subject + "/scans/" + scan).with(as(org.subject()))).andExpect(status().isOk());
        mvc.perform(get("/api/personnel/" + subject + "/scans/" + scan).with(as(org.colleague())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/personnel/" + subject + "/scans/" + scan).with(as(org.siblingOfficer())))
                .andExpect(status().isNotFound());
        long other = org.colleague().personId();
        mvc.perform(get("/personnel/" + other + "/scans/" + scan).with(as(org.officer()))).andExpect(status().isNotFound());
    }

    @Test
    void onlyTheSecrecyOfficeAddsToAFile() throws Exception {
        String talk = "{\"date\":\"" + LocalDate.now() + "\",\"counterpart\":\"周馆长\",\"text\":\"节前提醒\"}";
        mvc.perform(post("/api/personnel/" + subject + "/talks").with(as(org.leader()))
                .contentType(MediaType.APPLICATION_JSON).content(talk)).andExpect(status().isForbidden());
        mvc.perform(post("/api/personnel/" + subject + "/talks").with(as(org.subject()))
                .contentType(MediaType.APPLICATION_JSON).content(talk)).andExpect(status().isForbidden());
        mvc.perform(post("/api/personnel/" + subject + "/talks").with(as(org.colleague()))
                .contentType(MediaType.APPLICATION_JSON).content(talk)).andExpect(status().isNotFound());
        mvc.perform(post("/personnel/" + subject + "/talks").with(as(org.siblingOfficer())).with(csrf())
                .param("date", LocalDate.now().toString()).param("counterpart", "x").param("text", "y"))
                .andExpect(status().isNotFound());
        assertThat(notes()).isZero();

        mvc.perform(post("/api/personnel/" + subject + "/talks").with(as(org.officer()))
                .contentType(MediaType.APPLICATION_JSON).content(talk)).andExpect(status().isCreated());
        assertThat(notes()).isEqualTo(1);
    }

    @Test
    void readersWhoMayNotWriteSeeNoForms() throws Exception {
        mvc.perform(get("/personnel/" + subject).with(as(org.leader()))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"talk-form\""))));
        mvc.perform(get("/personnel/" + subject).with(as(org.officer()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"talk-form\"")));
    }

    @Test
    void rosterShowsOnlyThePeopleTheUserMaySee() throws Exception {
        String subjectName = "张机要";
        long colleague = org.colleague().personId();
        mvc.perform(get("/api/personnel").with(as(org.officer()))).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.personId == " + subject + ")]").exists())
                .andExpect(jsonPath("$.items[?(@.personId == " + colleague + ")]").exists());
        mvc.perform(get("/api/personnel").with(as(org.registryHead()))).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.personId == " + subject + ")]").exists());
        mvc.perform(get("/api/personnel").with(as(org.officeHead()))).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.personId == " + subject + ")]").doesNotExist());
        mvc.perform(get("/api/personnel").with(as(org.siblingOfficer()))).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.personId == " + subject + ")]").doesNotExist());
        mvc.perform(get("/api/personnel").with(as(org.colleague()))).andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(0)).andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/personnel").param("unitId", String.valueOf(org.unit())).with(as(org.siblingOfficer())))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/personnel").param("size", "100").with(as(org.registryHead())))
                .andExpect(jsonPath("$.items[*].departmentName").value(Matchers.everyItem(Matchers.is("机要科"))));
        mvc.perform(get("/personnel").with(as(org.colleague()))).andExpect(redirectedUrl("/personnel/me"));
        mvc.perform(get("/personnel").with(as(org.officer()))).andExpect(status().isOk())
                .andExpect(content().string(containsString(subjectName)));
    }

    private void assertSees(CurrentUser user) throws Exception {
        long before = views();
        mvc.perform(get("/personnel/" + subject).with(as(user))).andExpect(status().isOk())
                .andExpect(content().string(containsString("张机要的保密档案")));
        mvc.perform(get("/api/personnel/" + subject).with(as(user))).andExpect(status().isOk())
                .andExpect(jsonPath("$.person.name").value("张机要"))
                .andExpect(jsonPath("$.person.level").value("IMPORTANT"));
        mvc.perform(get("/personnel/" + subject + "/timeline").with(as(user))).andExpect(status().isOk());
        assertThat(views()).isEqualTo(before + 2);
        assertThat(count("select count(*) from audit_events where action = 'PERSONNEL_TIMELINE_VIEWED' and target_id = ?"))
                .isPositive();
    }

    private void assertRefused(CurrentUser user) throws Exception {
        long before = views();
        mvc.perform(get("/personnel/" + subject).with(as(user))).andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("张机要"))));
        mvc.perform(get("/api/personnel/" + subject).with(as(user))).andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("张机要"))));
        mvc.perform(get("/api/personnel/" + subject + "/timeline").with(as(user))).andExpect(status().isNotFound());
        mvc.perform(get("/personnel/" + subject + "/commitment-form").with(as(user))).andExpect(status().isNotFound());
        assertThat(views()).isEqualTo(before);
    }

    private long uploadScan() throws Exception {
        mvc.perform(multipart("/api/personnel/" + subject + "/commitments").file(ScanTest.pdf("承诺书.pdf"))
                .param("kind", "ANNUAL").param("date", LocalDate.now().toString()).with(as(org.officer())))
                .andExpect(status().isCreated());
        return jdbc.sql("select max(id) from personnel_attachments where person_id = ?").param(subject)
                .query(Long.class).single();
    }

    private long notes() {
        return jdbc.sql("select count(*) from personnel_notes where person_id = ?").param(subject).query(Long.class).single();
    }

    private long views() {
        return count("select count(*) from audit_events where action = 'PERSONNEL_FILE_VIEWED' and target_id = ?");
    }

    private long count(String sql) {
        return jdbc.sql(sql).param(String.valueOf(subject)).query(Long.class).single();
    }
}
