package cn.baomi.server.personnel;

import static cn.baomi.server.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.baomi.server.support.BaomiTest;
import cn.baomi.server.support.TestUsers;

/** The secrecy office walks a person through the pre-post checklist in the pages, up to the level approval. */
@BaomiTest
class SecrecyFilePagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    PersonnelFixtures fixtures;
    @Autowired
    JdbcClient jdbc;

    PersonnelFixtures.Org org;
    long subject;
    String file;

    @BeforeEach
    void aUnit() {
        org = fixtures.org();
        subject = org.subjectId();
        file = "/personnel/" + subject;
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    /**
     * A refused entry names its form and field and comes back at that form with what was typed: six forms of the page
     * have a date, and the training typed in full is not typed again.
     */
    @Test
    void aRefusedTrainingComesBackAtItsFormWithWhatWasTyped() throws Exception {
        String tomorrow = LocalDate.now().plusDays(1).toString();
        var refused = mvc.perform(post(file + "/trainings").with(as(org.officer())).with(csrf()).param("kind", "ANNUAL")
                        .param("date", tomorrow).param("topic", "年度保密教育").param("hours", "6")
                        .param("testPassed", "true"))
                .andExpect(redirectedUrl(file)).andReturn();
        String page = mvc.perform(get(file).with(as(org.officer())).cookie(refused.getResponse().getCookies()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String form = page.substring(page.indexOf("id=\"training-form\""), page.indexOf("id=\"talk-form\""));
        assertThat(form).contains("保密培训学时 · 日期：").contains("value=\"年度保密教育\"").contains("value=\"" + tomorrow + "\"")
                .contains("value=\"6\"").containsPattern("<option[^>]*selected[^>]*value=\"true\"|<option[^>]*value=\"true\"[^>]*selected");
        assertThat(page.substring(page.indexOf("id=\"talk-form\""))).doesNotContain("value=\"" + tomorrow + "\"");
    }

    @Test
    void checklistIsWalkedThroughInThePagesUpToTheApprovedLevel() throws Exception {
        String today = LocalDate.now().toString();
        mvc.perform(post(file + "/levels").with(as(org.officer())).with(csrf()).param("toLevel", "GENERAL")
                        .param("reason", "岗位需要"))
                .andExpect(redirectedUrl(file))
                .andExpect(flash().attribute("problem", "涉密等级变更记录 · 新涉密等级：首次确定涉密等级前须先登记通过的背景审查。"));
        mvc.perform(multipart(file + "/reviews").file(ScanTest.pdf("政审表.pdf")).with(as(org.officer())).with(csrf())
                        .param("kind", "PRE_POST").param("date", today).param("reviewer", "组织人事处")
                        .param("outcome", "PASSED"))
                .andExpect(redirectedUrl(file)).andExpect(flash().attribute("notice", "personnel.notice.recorded"));
        mvc.perform(post(file + "/trainings").with(as(org.officer())).with(csrf()).param("kind", "PRE_POST")
                .param("date", today).param("topic", "岗前保密教育").param("hours", "8").param("testPassed", "true"))
                .andExpect(flash().attribute("notice", "personnel.notice.recorded"));
        mvc.perform(multipart(file + "/commitments").file(ScanTest.pdf("承诺书.pdf")).with(as(org.officer())).with(csrf())
                .param("kind", "PRE_POST").param("date", today))
                .andExpect(flash().attribute("notice", "personnel.notice.recorded"));
        mvc.perform(post(file + "/levels").with(as(org.officer())).with(csrf()).param("toLevel", "GENERAL")
                        .param("reason", "岗位需要"))
                .andExpect(flash().attribute("notice", "personnel.notice.levelRequested"));

        mvc.perform(get(file).with(as(org.officer()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("审批中")))
                .andExpect(content().string(containsString("上岗条件尚未全部具备")));
        long change = jdbc.sql("select id from personnel_levels where person_id = ?").param(subject)
                .query(Long.class).single();
        fixtures.approve(org, change);
        mvc.perform(get(file).with(as(org.subject()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("已生效")))
                .andExpect(content().string(containsString("上岗条件已全部具备")));
        assertThat(fixtures.clearance(subject)).isEqualTo("GENERAL");
    }

    @Test
    void talksAndMajorMattersAreRecordedFromThePage() throws Exception {
        String today = LocalDate.now().toString();
        mvc.perform(post(file + "/talks").with(as(org.officer())).with(csrf()).param("date", today)
                .param("counterpart", "周馆长").param("text", "节前保密提醒")).andExpect(redirectedUrl(file));
        mvc.perform(post(file + "/matters").with(as(org.officer())).with(csrf()).param("date", today)
                .param("category", "MARRIAGE").param("text", "登记结婚")).andExpect(redirectedUrl(file));
        mvc.perform(get(file).with(as(org.registryHead()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("节前保密提醒")))
                .andExpect(content().string(containsString("婚姻状况变化")));
    }
}
