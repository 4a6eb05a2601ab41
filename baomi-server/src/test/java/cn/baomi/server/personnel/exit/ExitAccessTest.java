package cn.baomi.server.personnel.exit;

import static cn.baomi.server.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.hamcrest.Matchers;
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

/** Only the secrecy office and the person's leaders see an exit, the person their own; only the office acts on it. */
@BaomiTest
class ExitAccessTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    OrganizationSetup organization;
    @Autowired
    JdbcClient jdbc;

    ExitWorld world;
    ExitWorld.Org org;
    long exit;

    @BeforeEach
    void anOpenExit() throws Exception {
        world = new ExitWorld(organization, mvc, jdbc);
        org = world.org(ClearanceLevel.IMPORTANT);
        exit = world.openExit(org, org.leaver(), LocalDate.now());
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void theSecrecyOfficeTheLeadersAndThePersonSeeTheExitAndEachViewIsAudited() throws Exception {
        long before = world.audited("EXIT_VIEWED", exit);
        for (CurrentUser reader : List.of(org.officer(), org.bureauOfficer(), org.head(), org.leader(), org.leaverSelf())) {
            mvc.perform(get("/api/personnel/exits/" + exit).with(as(reader))).andExpect(status().isOk())
                    .andExpect(jsonPath("$.personId").value(org.leaver()));
            mvc.perform(get("/personnel/exits/" + exit).with(as(reader))).andExpect(status().isOk());
        }
        assertThat(world.audited("EXIT_VIEWED", exit)).isEqualTo(before + 10);
    }

    @Test
    void everyoneElseIsToldTheExitDoesNotExist() throws Exception {
        long before = world.audited("EXIT_VIEWED", exit);
        for (CurrentUser other : List.of(org.colleagueUser(), org.otherHead(), org.siblingOfficer(), org.supervisor(),
                org.as(org.clerk()))) {
            mvc.perform(get("/api/personnel/exits/" + exit).with(as(other))).andExpect(status().isNotFound());
            mvc.perform(get("/api/personnel/exits").with(as(other)))
                    .andExpect(jsonPath("$[*].id", Matchers.not(Matchers.hasItem((int) exit))));
        }
        assertThat(world.audited("EXIT_VIEWED", exit)).isEqualTo(before);
    }

    @Test
    void theAdministratorsAreRefused() throws Exception {
        for (Role admin : List.of(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.SECURITY_AUDITOR)) {
            mvc.perform(get("/api/personnel/exits/" + exit).with(as(TestUsers.administrator(admin))))
                    .andExpect(status().isForbidden());
        }
    }

    /**
     * A refused opening comes back with the person still chosen and the reason still typed, and the message names the
     * field: falling back to the first person of the list would have the next click open someone else's exit.
     */
    @Test
    void aRefusedOpeningKeepsThePersonAndTheReason() throws Exception {
        var refused = mvc.perform(post("/personnel/exits").with(as(org.officer())).with(csrf())
                        .param("personId", String.valueOf(org.leaver())).param("reason", "调往外单位")
                        .param("leaveDate", LocalDate.now().toString()))
                .andExpect(status().is3xxRedirection()).andReturn();
        String page = mvc.perform(get("/personnel/exits").with(as(org.officer()))
                        .cookie(refused.getResponse().getCookies()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).containsPattern("<option value=\"" + org.leaver() + "\"[^>]*selected")
                .contains("value=\"调往外单位\"").contains("人员：");
    }

    @Test
    void onlyTheSecrecyOfficeOpensAndCompletesAnExit() throws Exception {
        world.open(org.head(), org.colleague(), LocalDate.now()).andExpect(status().isForbidden());
        world.open(org.leader(), org.colleague(), LocalDate.now()).andExpect(status().isForbidden());
        world.open(org.siblingOfficer(), org.colleague(), LocalDate.now()).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("personId"));
        world.signCommitment(org.head(), exit).andExpect(status().isForbidden());
        world.complete(org.leaverSelf(), exit).andExpect(status().isForbidden());
        world.complete(org.leader(), exit).andExpect(status().isForbidden());
        world.complete(org.colleagueUser(), exit).andExpect(status().isNotFound());
        mvc.perform(post("/api/personnel/exits/" + exit + "/completion").with(as(org.siblingOfficer())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/personnel/exits/" + exit).with(as(org.officer())))
                .andExpect(jsonPath("$.state").value("OPEN"));
    }

    @Test
    void theListShowsThePersonOnlyTheirOwnExit() throws Exception {
        long other = world.openExit(org, org.colleague(), LocalDate.now());
        mvc.perform(get("/api/personnel/exits").with(as(org.leaverSelf())))
                .andExpect(jsonPath("$[*].id", Matchers.hasItem((int) exit)))
                .andExpect(jsonPath("$[*].id", Matchers.not(Matchers.hasItem((int) other))));
        mvc.perform(get("/api/personnel/exits").with(as(org.head())))
                .andExpect(jsonPath("$[*].id", Matchers.hasItems((int) exit, (int) other)));
        mvc.perform(get("/api/personnel/exits").with(as(org.otherHead())))
                .andExpect(jsonPath("$[*].id", Matchers.not(Matchers.hasItem((int) exit))));
        mvc.perform(get("/personnel/exits").with(as(org.officer()))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/personnel/exits/" + other)));
        mvc.perform(get("/personnel/exits").with(as(org.leaverSelf()))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("/personnel/exits/" + other + "\""))));
    }
}
