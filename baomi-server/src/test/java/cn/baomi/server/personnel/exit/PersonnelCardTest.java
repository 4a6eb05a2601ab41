package cn.baomi.server.personnel.exit;

import static cn.baomi.server.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.baomi.server.organization.OrganizationSetup;
import cn.baomi.server.shared.ClearanceLevel;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.Role;
import cn.baomi.server.support.BaomiTest;
import cn.baomi.server.support.TestUsers;

/**
 * The home page's card of cleared personnel: shown to the secrecy office and to leaders (unit leader, department
 * head), each with the figures of whom they may see — people by level, re-reviews overdue, people in the cool-off,
 * commitments out of date — and to nobody else. In the exit package because the cool-off comes from a completed exit.
 */
@BaomiTest
class PersonnelCardTest {

    private static final Pattern FIGURE = Pattern.compile("id=\"figure-personnel-(\\w+)\"[^>]*>(\\d+)<");

    @Autowired
    MockMvc mvc;
    @Autowired
    OrganizationSetup organization;
    @Autowired
    JdbcClient jdbc;

    ExitWorld world;
    ExitWorld.Org org;

    @BeforeEach
    void aUnitWhereTheLeaverHasLeftAndIsInTheCoolOff() throws Exception {
        world = new ExitWorld(organization, mvc, jdbc);
        org = world.org(ClearanceLevel.CORE);
        world.person(org, ClearanceLevel.GENERAL);
        world.leave(org, org.leaver(), LocalDate.now());
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private Map<String, Long> card(CurrentUser user) throws Exception {
        String html = mvc.perform(get("/").with(as(user))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        Map<String, Long> figures = new LinkedHashMap<>();
        Matcher m = FIGURE.matcher(html);
        while (m.find()) {
            figures.put(m.group(1), Long.parseLong(m.group(2)));
        }
        assertThat(html.contains("id=\"card-personnel\"")).isEqualTo(!figures.isEmpty());
        return figures;
    }

    @Test
    void theSecrecyOfficeSeesTheFiguresOfItsUnits() throws Exception {
        // colleague, officer, head, other head, leader: core; the new person: general; nobody reviewed or committed
        assertThat(card(org.officer())).containsExactly(Map.entry("core", 5L), Map.entry("important", 0L),
                Map.entry("general", 1L), Map.entry("reviewsOverdue", 6L), Map.entry("inCoolOff", 1L),
                Map.entry("commitmentsOutOfDate", 6L));
        assertThat(card(org.bureauOfficer())).as("the bureau's office sees the unit and its sibling")
                .containsEntry("core", 6L).containsEntry("inCoolOff", 1L);
        assertThat(card(org.siblingOfficer())).containsEntry("core", 1L).containsEntry("inCoolOff", 0L);
    }

    @Test
    void leadersSeeTheFiguresOfTheirUnitOrDepartment() throws Exception {
        assertThat(card(org.leader())).containsEntry("core", 5L).containsEntry("general", 1L).containsEntry("inCoolOff", 1L);
        assertThat(card(org.head())).as("the leaver's department: colleague, head, the new person")
                .containsEntry("core", 2L).containsEntry("general", 1L).containsEntry("inCoolOff", 1L);
        assertThat(card(org.otherHead())).containsEntry("core", 2L).containsEntry("general", 0L)
                .containsEntry("inCoolOff", 0L);
    }

    @Test
    void nobodyElseSeesTheCard() throws Exception {
        for (CurrentUser other : List.of(org.colleagueUser(), org.leaverSelf(), org.supervisor(),
                TestUsers.user(org.unit(), org.clerk(), Role.STAFF, Role.CLASSIFICATION_AUTHORITY))) {
            assertThat(card(other)).as(other.roles().toString()).isEmpty();
        }
    }

    @Test
    void theCardsFiguresLinkToTheirLists() throws Exception {
        String html = mvc.perform(get("/").with(as(org.officer()))).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("href=\"/personnel?level=CORE\"", "href=\"/personnel?status=REVIEW_OVERDUE\"",
                "href=\"/personnel/exits\"", "href=\"/personnel?status=COMMITMENT_OUT_OF_DATE\"");
        assertThat(html).contains("核心涉密人员", "脱密期内");
    }
}
