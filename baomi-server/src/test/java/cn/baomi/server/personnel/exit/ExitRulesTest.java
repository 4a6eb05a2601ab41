package cn.baomi.server.personnel.exit;

import static cn.baomi.server.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.EnumSet;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import cn.baomi.server.identity.AccountSetup;
import cn.baomi.server.organization.OrganizationSetup;
import cn.baomi.server.shared.ClearanceLevel;
import cn.baomi.server.shared.Role;
import cn.baomi.server.support.BaomiTest;
import cn.baomi.server.support.TestUsers;

/** Leaving the post (离岗离职, domain.md §3): carriers back first, exit commitment, cool-off, revocations. */
@BaomiTest
class ExitRulesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    OrganizationSetup organization;
    @Autowired
    AccountSetup accounts;
    @Autowired
    JdbcClient jdbc;

    ExitWorld world;
    ExitWorld.Org org;
    LocalDate today = LocalDate.now();

    @BeforeEach
    void aUnitWithACoreLeaver() {
        world = new ExitWorld(organization, mvc, jdbc);
        org = world.org(ClearanceLevel.CORE);
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void exitIsBlockedWhileCarriersAreHeld() throws Exception {
        ExitWorld.Copy kept = world.carrier(org, org.leaver());
        long exit = world.openExit(org, org.leaver(), today);
        world.signCommitment(org.officer(), exit).andExpect(status().isNoContent());
        mvc.perform(get("/api/personnel/exits/" + exit).with(as(org.officer()))).andExpect(status().isOk())
                .andExpect(jsonPath("$.held.length()").value(1))
                .andExpect(jsonPath("$.held[0].copyId").value(kept.copyId()))
                .andExpect(jsonPath("$.held[0].hold").value("CUSTODIAN"))
                .andExpect(jsonPath("$.held[0].title").doesNotExist());

        world.complete(org.officer(), exit).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("尚有 1 份涉密载体未清退")));

        world.event(org.officer(), kept, "HANDOVER_REQUESTED", ",\"personId\":" + org.colleague())
                .andExpect(status().isCreated());
        world.complete(org.officer(), exit).andExpect(status().isUnprocessableEntity());
        mvc.perform(get("/api/personnel/exits/" + exit).with(as(org.officer())))
                .andExpect(jsonPath("$.held[0].hold").value("HANDING_OVER"));

        world.event(org.colleagueUser(), kept, "HANDOVER_CONFIRMED", "").andExpect(status().isCreated());
        world.complete(org.officer(), exit).andExpect(status().isNoContent());
        mvc.perform(get("/api/personnel/exits/" + exit).with(as(org.officer())))
                .andExpect(jsonPath("$.state").value("COMPLETED"));
    }

    @Test
    void aBorrowedCopyBlocksTheExitUntilItIsReturned() throws Exception {
        ExitWorld.Copy copy = world.carrier(org, org.colleague());
        world.lend(org, copy, org.leaver()).andExpect(status().isCreated());
        long exit = world.openExit(org, org.leaver(), today);
        world.signCommitment(org.officer(), exit);
        mvc.perform(get("/api/personnel/exits/" + exit).with(as(org.officer())))
                .andExpect(jsonPath("$.held[0].hold").value("BORROWED"));
        world.complete(org.officer(), exit).andExpect(status().isUnprocessableEntity());

        world.event(org.officer(), copy, "LOAN_RETURNED", "").andExpect(status().isCreated());
        world.complete(org.officer(), exit).andExpect(status().isNoContent());
    }

    @Test
    void aHandOverToTheLeaverNotYetConfirmedBlocksTheExit() throws Exception {
        ExitWorld.Copy copy = world.carrier(org, org.colleague());
        world.event(org.colleagueUser(), copy, "HANDOVER_REQUESTED", ",\"personId\":" + org.leaver())
                .andExpect(status().isCreated());
        long exit = world.openExit(org, org.leaver(), today);
        world.signCommitment(org.officer(), exit);
        mvc.perform(get("/api/personnel/exits/" + exit).with(as(org.officer())))
                .andExpect(jsonPath("$.held[0].hold").value("RECEIVING"));
        world.complete(org.officer(), exit).andExpect(status().isUnprocessableEntity());
        world.event(org.leaverSelf(), copy, "HANDOVER_REFUSED", "").andExpect(status().isCreated());
        world.complete(org.officer(), exit).andExpect(status().isNoContent());
    }

    @Test
    void exitNeedsTheSignedExitCommitment() throws Exception {
        long exit = world.openExit(org, org.leaver(), today);
        world.complete(org.officer(), exit).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("离岗保密承诺书")));
        world.signCommitment(org.officer(), exit).andExpect(status().isNoContent());
        mvc.perform(get("/api/personnel/exits/" + exit).with(as(org.officer())))
                .andExpect(jsonPath("$.commitmentSigned").value(true));
        world.complete(org.officer(), exit).andExpect(status().isNoContent());
        assertThat(world.audited("EXIT_COMMITMENT_RECORDED", exit)).isEqualTo(1);
    }

    @Test
    void coolOffIsComputedFromTheLevelAndStartsOnTheLeavingDate() throws Exception {
        LocalDate leave = today.minusDays(10);
        long core = world.leave(org, org.leaver(), leave);
        long important = world.leave(org, world.person(org, ClearanceLevel.IMPORTANT), leave);
        long general = world.leave(org, world.person(org, ClearanceLevel.GENERAL), leave);
        expectCoolOff(core, leave, leave.plusYears(3).minusDays(1), "CORE");
        expectCoolOff(important, leave, leave.plusYears(2).minusDays(1), "IMPORTANT");
        expectCoolOff(general, leave, leave.plusYears(1).minusDays(1), "GENERAL");
    }

    private void expectCoolOff(long exit, LocalDate start, LocalDate end, String level) throws Exception {
        mvc.perform(get("/api/personnel/exits/" + exit).with(as(org.officer())))
                .andExpect(jsonPath("$.level").value(level))
                .andExpect(jsonPath("$.coolOffStart").value(start.toString()))
                .andExpect(jsonPath("$.coolOffEnd").value(end.toString()));
    }

    @Test
    void completionRevokesTheAccountTheClearanceAndThePersonsOwnScopeEntries() throws Exception {
        ExitWorld.Copy namedPersonally = world.carrier(org, org.colleague(), org.leaver());
        String username = "leaver" + org.leaver();
        TestUsers.signIn(org.bureauOfficer());
        accounts.createWithKnownPassword(username, null, org.unit(), org.leaver(), EnumSet.of(Role.STAFF), "Baomi#2026x");
        TestUsers.signOut();
        mvc.perform(get("/api/carriers/" + namedPersonally.carrierId()).with(as(org.leaverSelf())))
                .andExpect(status().isOk());

        long exit = world.leave(org, org.leaver(), today);

        assertThat(jdbc.sql("select enabled from accounts where username = ?").param(username).query(Boolean.class)
                .single()).isFalse();
        assertThat(jdbc.sql("select clearance from persons where id = ?").param(org.leaver()).query(String.class)
                .single()).isEqualTo("NONE");
        assertThat(jdbc.sql("select count(*) from carrier_scope where kind = 'PERSON' and ref_id = ? and revoked_at is not null")
                .param(org.leaver()).query(Long.class).single()).isEqualTo(1);
        mvc.perform(get("/api/carriers/" + namedPersonally.carrierId()).with(as(org.leaverSelf())))
                .andExpect(status().isNotFound());
        world.event(org.colleagueUser(), namedPersonally, "HANDOVER_REQUESTED", ",\"personId\":" + org.leaver())
                .andExpect(status().isUnprocessableEntity());
        assertThat(world.actions("exit", exit)).contains("EXIT_OPENED", "EXIT_COMPLETED");
    }

    @Test
    void exitEndsTheLevelThroughTheLevelHistory() throws Exception {
        long exit = world.leave(org, org.leaver(), today.minusDays(3));

        java.util.Map<String, Object> entry = jdbc.sql("""
                select from_level, to_level, reason, state, approval_id, exit_id, effective_on, requested_by
                from personnel_levels where person_id = ?""").param(org.leaver()).query().singleRow();
        assertThat(entry).containsEntry("from_level", "CORE").containsEntry("to_level", "NONE")
                .containsEntry("reason", "离岗离职").containsEntry("state", "GRANTED").containsEntry("approval_id", null);
        assertThat(((Number) entry.get("exit_id")).longValue()).isEqualTo(exit);
        assertThat(entry.get("effective_on").toString()).isEqualTo(today.toString());
        assertThat(jdbc.sql("select clearance from persons where id = ?").param(org.leaver()).query(String.class)
                .single()).isEqualTo("NONE");
        assertThat(world.audited("PERSONNEL_LEVEL_ENDED", org.leaver())).isEqualTo(1);
        assertThat(world.audited("PERSON_CLEARANCE_CHANGED", org.leaver())).isEqualTo(1);

        mvc.perform(get("/api/personnel/" + org.leaver()).with(as(org.officer())))
                .andExpect(jsonPath("$.levels[0].toLevel").value("NONE"))
                .andExpect(jsonPath("$.levels[0].exitId").value(exit));
        mvc.perform(get("/personnel/" + org.leaver()).with(as(org.officer()))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/personnel/exits/" + exit + "\"")))
                .andExpect(content().string(Matchers.containsString("离岗离职")));
        mvc.perform(get("/api/personnel/" + org.leaver() + "/timeline").with(as(org.officer())))
                .andExpect(jsonPath("$[?(@.type == 'LEVEL_ENDED')].text")
                        .value(Matchers.hasItem(Matchers.containsString("核心"))));
    }

    @Test
    void anExitIsNotCompletedWhileALevelChangeAwaitsApproval() throws Exception {
        long exit = world.openExit(org, org.leaver(), today);
        world.signCommitment(org.officer(), exit).andExpect(status().isNoContent());
        mvc.perform(post("/api/personnel/" + org.leaver() + "/level-changes").with(as(org.officer()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"toLevel\":\"IMPORTANT\",\"reason\":\"岗位调整\"}"))
                .andExpect(status().isCreated());

        world.complete(org.officer(), exit).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("等级变更在审批中")));
        assertThat(jdbc.sql("select clearance from persons where id = ?").param(org.leaver()).query(String.class)
                .single()).isEqualTo("CORE");
    }

    @Test
    void ofTwoSimultaneousCompletionsExactlyOneWins() throws Exception {
        long exit = world.openExit(org, org.leaver(), today);
        world.signCommitment(org.officer(), exit);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return world.complete(org.officer(), exit).andReturn().getResponse().getStatus();
                }));
            }
            start.countDown();
            java.util.List<Integer> statuses = new java.util.ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(statuses).containsExactlyInAnyOrder(204, 422);
        } finally {
            pool.shutdownNow();
        }
        assertThat(world.audited("EXIT_COMPLETED", exit)).isEqualTo(1);
    }

    @Test
    void managementEntrustedToANewUnitIsRecorded() throws Exception {
        long open = world.openExit(org, org.leaver(), today);
        entrust(open).andExpect(status().isUnprocessableEntity());
        world.signCommitment(org.officer(), open);
        world.complete(org.officer(), open).andExpect(status().isNoContent());
        entrust(open).andExpect(status().isNoContent());
        mvc.perform(get("/api/personnel/exits/" + open).with(as(org.officer())))
                .andExpect(jsonPath("$.entrustedTo").value("市发展改革委保密办"))
                .andExpect(jsonPath("$.entrustedOn").value(today.toString()));
    }

    private ResultActions entrust(long exit) throws Exception {
        return mvc.perform(post("/api/personnel/exits/" + exit + "/entrustment").with(as(org.officer()))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"entrustedTo\":\"市发展改革委保密办\",\"entrustedOn\":\"" + today + "\"}"));
    }

    @Test
    void anExitIsOnlyForClearedPersonsAndOnlyOnceAtATime() throws Exception {
        world.open(org.officer(), org.clerk(), today).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("不是涉密人员")));
        world.openExit(org, org.leaver(), today);
        world.open(org.officer(), org.leaver(), today).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("已有办理中的离岗手续")));
        world.open(org.officer(), org.colleague(), today.minusYears(2)).andExpect(status().isUnprocessableEntity());
    }

    @Test
    void resignationIsRefusedDuringCoolOff() throws Exception {
        world.leave(org, org.leaver(), today.minusDays(30));
        long resignation = fileResignation(org.leaver());
        LocalDate end = today.minusDays(30).plusYears(3).minusDays(1);
        approve(resignation).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("脱密期内不得同意辞去公职")))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString(end.toString())));
        assertThat(jdbc.sql("select state from personnel_resignations where id = ?").param(resignation)
                .query(String.class).single()).isEqualTo("FILED");
        mvc.perform(post("/api/personnel/exits/resignations/" + resignation + "/refusal").with(as(org.officer()))
                .contentType(MediaType.APPLICATION_JSON).content("{\"opinion\":\"脱密期未满\"}"))
                .andExpect(status().isNoContent());
    }

    @Test
    void resignationIsRefusedWhileStillOnTheClassifiedPost() throws Exception {
        approve(fileResignation(org.leaver())).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("仍在涉密岗位")));
    }

    @Test
    void resignationMayBeAgreedOnceTheCoolOffHasEnded() throws Exception {
        long general = world.person(org, ClearanceLevel.GENERAL);
        world.leave(org, general, today.minusYears(1));
        approve(fileResignation(general)).andExpect(status().isNoContent());
        approve(fileResignation(org.clerk())).andExpect(status().isNoContent());
    }

    private long fileResignation(long person) throws Exception {
        String body = mvc.perform(post("/api/personnel/exits/resignations").with(as(org.officer()))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"personId\":" + person + ",\"filedOn\":\"" + today + "\",\"note\":\"本人申请辞去公职\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) com.jayway.jsonpath.JsonPath.read(body, "$.id")).longValue();
    }

    private ResultActions approve(long resignation) throws Exception {
        return mvc.perform(post("/api/personnel/exits/resignations/" + resignation + "/approval").with(as(org.officer()))
                .contentType(MediaType.APPLICATION_JSON).content("{}"));
    }

    @Test
    void theEndOfTheCoolOffRaisesAReminderUntilClosed() throws Exception {
        long general = world.person(org, ClearanceLevel.GENERAL);
        long exit = world.leave(org, general, today.minusYears(1));
        long running = world.leave(org, org.leaver(), today);
        mvc.perform(get("/").with(as(org.officer())))
                .andExpect(content()
                        .string(Matchers.containsString("/personnel/exits/" + exit)))
                .andExpect(content()
                        .string(Matchers.not(Matchers.containsString("/personnel/exits/" + running + "\""))));
        mvc.perform(post("/api/personnel/exits/" + running + "/cool-off-closure").with(as(org.officer())))
                .andExpect(status().isUnprocessableEntity());
        mvc.perform(post("/api/personnel/exits/" + exit + "/cool-off-closure").with(as(org.officer())))
                .andExpect(status().isNoContent());
        mvc.perform(get("/").with(as(org.officer())))
                .andExpect(content()
                        .string(Matchers.not(Matchers.containsString("/personnel/exits/" + exit + "\""))));
    }
}
