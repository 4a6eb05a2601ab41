package cn.baomi.server.personnel;

import static cn.baomi.server.support.TestUsers.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.Role;
import cn.baomi.server.support.BaomiTest;
import cn.baomi.server.support.TestUsers;

/**
 * The person page of the organisation register links to the person's secrecy file for those who may read the file;
 * others who may see the person page (another department's head, a classification authority, the supervisor) get
 * no link. Plain staff do not see the register at all.
 */
@BaomiTest
class SecrecyFileLinkTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    PersonnelFixtures fixtures;

    PersonnelFixtures.Org org;
    long colleague;
    String link;

    @BeforeEach
    void aUnit() {
        org = fixtures.org();
        colleague = org.colleague().personId();
        link = "href=\"/personnel/" + colleague + "\"";
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void thePersonPageLinksToTheFileForItsReaders() throws Exception {
        for (CurrentUser reader : List.of(org.officer(), org.leader(), org.registryHead(), org.bureauOfficer())) {
            mvc.perform(get("/persons/{id}", colleague).with(as(reader))).andExpect(status().isOk())
                    .andExpect(content().string(containsString(link)))
                    .andExpect(content().string(containsString("保密档案")));
        }
    }

    @Test
    void othersWhoSeeThePersonPageGetNoLinkToTheFile() throws Exception {
        CurrentUser authority = TestUsers.user(org.unit(), org.subjectId(), Role.CLASSIFICATION_AUTHORITY);
        for (CurrentUser other : List.of(authority, org.officeHead(), org.supervisor())) {
            mvc.perform(get("/persons/{id}", colleague).with(as(other))).andExpect(status().isOk())
                    .andExpect(content().string(not(containsString(link))))
                    .andExpect(content().string(not(containsString("id=\"record-links\""))));
            mvc.perform(get("/personnel/{id}", colleague).with(as(other))).andExpect(status().isNotFound());
        }
    }
}
