package cn.baomi.server.carrier;

import static cn.baomi.server.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.baomi.server.organization.OrganizationSetup;
import cn.baomi.server.shared.BusinessRuleViolation;
import cn.baomi.server.shared.ClearanceLevel;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.Role;
import cn.baomi.server.support.BaomiTest;
import cn.baomi.server.support.TestUsers;

/** Hand-over between persons (domain.md §4: every hand-over is signed; one custodian at every moment). */
@BaomiTest
class HandOverTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    OrganizationSetup organization;
    @Autowired
    CarrierService carriers;
    @Autowired
    CustodyService custody;
    @Autowired
    JdbcClient jdbc;

    CarrierFixtures.Org org;
    CopyApi api;
    long carrier;
    long copy;
    CurrentUser custodian;
    CurrentUser receiver;

    @BeforeEach
    void aSecretCopyHeldByTheCustodian() {
        CarrierFixtures fixtures = new CarrierFixtures(organization, carriers);
        org = fixtures.org();
        api = new CopyApi(mvc, jdbc);
        carrier = fixtures.carrier(org, SecretLevel.SECRET, CarrierFixtures.uniqueTitle("交接"));
        copy = CarrierFixtures.copyIds(jdbc, carrier).get(0);
        custodian = org.as(org.custodian(), Role.STAFF);
        receiver = org.as(org.colleague(), Role.STAFF);
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void theSenderStaysCustodianUntilTheReceiverConfirms() throws Exception {
        api.post(custodian, carrier, copy, "HANDOVER_REQUESTED", Map.of("personId", org.colleague()))
                .andExpect(status().isCreated());
        Map<String, Object> pending = api.state(copy);
        assertThat(pending.get("status")).isEqualTo("HANDOVER_PENDING");
        assertThat(((Number) pending.get("custodian_id")).longValue()).isEqualTo(org.custodian());
        assertThat(((Number) pending.get("pending_custodian_id")).longValue()).isEqualTo(org.colleague());
        api.post(receiver, carrier, copy, "HANDOVER_CONFIRMED", Map.of()).andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/carriers/" + carrier + "/events?copyId=" + copy))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].type").value("HANDOVER_CONFIRMED"))
                .andExpect(jsonPath("$[0].copyId").value(copy))
                .andExpect(jsonPath("$[0].fromCustodianId").value(org.custodian()))
                .andExpect(jsonPath("$[0].toCustodianId").value(org.colleague()));
        Map<String, Object> done = api.state(copy);
        assertThat(done.get("status")).isEqualTo("LIVE");
        assertThat(((Number) done.get("custodian_id")).longValue()).isEqualTo(org.colleague());
        assertThat(done.get("pending_custodian_id")).isNull();
        assertThat(api.audited("COPY_HANDOVER_REQUESTED", copy)).isEqualTo(1);
        assertThat(api.audited("COPY_HANDOVER_CONFIRMED", copy)).isEqualTo(1);
    }

    @Test
    void theHistoryOfOneCopyHoldsOnlyThatCopysEventsAndIsAuditedAsAView() throws Exception {
        long two = new CarrierFixtures(organization, carriers).carrier(org, SecretLevel.SECRET,
                CarrierFixtures.uniqueTitle("两份"), List.of(new CarrierScopes.Entry(ScopeKind.DEPARTMENT, org.department())), 2);
        long first = CarrierFixtures.copyIds(jdbc, two).get(0);
        long second = CarrierFixtures.copyIds(jdbc, two).get(1);
        api.post(custodian, two, first, "HANDOVER_REQUESTED", Map.of("personId", org.colleague()))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/carriers/" + two + "/events?copyId=" + first));
        long viewsBefore = viewsOf(two);
        mvc.perform(get("/api/carriers/" + two + "/events?copyId=" + first).with(as(custodian)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].copyId").value(first))
                .andExpect(jsonPath("$[1].type").value("HANDOVER_REQUESTED"));
        assertThat(viewsOf(two)).isEqualTo(viewsBefore + 1);
        mvc.perform(get("/api/carriers/" + two + "/events?copyId=" + second).with(as(custodian)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].copyId").value(second));
        mvc.perform(get("/api/carriers/" + two + "/events").with(as(custodian)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(3));
        // a copy of another carrier, or a copy the caller may not see: not found, and no view recorded
        mvc.perform(get("/api/carriers/" + two + "/events?copyId=" + copy).with(as(custodian)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/carriers/" + two + "/events?copyId=" + first)
                        .with(as(org.as(org.outside().get(ClearanceLevel.CORE), Role.STAFF))))
                .andExpect(status().isNotFound());
        assertThat(viewsOf(two)).isEqualTo(viewsBefore + 3);
    }

    private long viewsOf(long carrierId) {
        return jdbc.sql("select count(*) from audit_events where action = 'CARRIER_VIEWED' and target_id = ?")
                .param(String.valueOf(carrierId)).query(Long.class).single();
    }

    @Test
    void theReceiverMayRefuseAndTheSenderKeepsTheCopy() throws Exception {
        api.post(custodian, carrier, copy, "HANDOVER_REQUESTED", Map.of("personId", org.colleague()))
                .andExpect(status().isCreated());
        api.post(receiver, carrier, copy, "HANDOVER_REFUSED", Map.of("note", "不是我的文件")).andExpect(status().isCreated());
        Map<String, Object> state = api.state(copy);
        assertThat(state.get("status")).isEqualTo("LIVE");
        assertThat(((Number) state.get("custodian_id")).longValue()).isEqualTo(org.custodian());
        assertThat(state.get("pending_custodian_id")).isNull();
        assertThat(api.events(copy, EventType.HANDOVER_REFUSED)).isEqualTo(1);
    }

    @Test
    void onlyTheReceiverConfirmsOrRefuses() throws Exception {
        api.post(custodian, carrier, copy, "HANDOVER_REQUESTED", Map.of("personId", org.colleague()))
                .andExpect(status().isCreated());
        CurrentUser otherInside = org.as(org.inside().get(ClearanceLevel.CORE), Role.STAFF);
        for (CurrentUser notReceiver : List.of(custodian, org.officer(), otherInside)) {
            api.post(notReceiver, carrier, copy, "HANDOVER_CONFIRMED", Map.of()).andExpect(status().isForbidden());
            api.post(notReceiver, carrier, copy, "HANDOVER_REFUSED", Map.of()).andExpect(status().isForbidden());
        }
        CurrentUser outsider = org.as(org.outside().get(ClearanceLevel.CORE), Role.STAFF);
        api.post(outsider, carrier, copy, "HANDOVER_CONFIRMED", Map.of()).andExpect(status().isNotFound());
        assertThat(api.state(copy).get("status")).isEqualTo("HANDOVER_PENDING");
    }

    @Test
    void onlyTheCustodianOrTheSecrecyOfficeHandsOver() throws Exception {
        CurrentUser otherInside = org.as(org.inside().get(ClearanceLevel.CORE), Role.DEPARTMENT_HEAD);
        api.post(otherInside, carrier, copy, "HANDOVER_REQUESTED", Map.of("personId", org.colleague()))
                .andExpect(status().isForbidden());
        api.post(org.officer(), carrier, copy, "HANDOVER_REQUESTED", Map.of("personId", org.colleague()))
                .andExpect(status().isCreated());
    }

    @Test
    void theReceiverMustBeOfTheUnitClearedForTheLevelAndInsideTheScope() throws Exception {
        api.post(custodian, carrier, copy, "HANDOVER_REQUESTED", Map.of("personId", org.inside().get(ClearanceLevel.GENERAL)))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("personId"))
                .andExpect(jsonPath("$.detail").value("该人员的涉密等级不足以接触此密级的载体"));
        api.post(custodian, carrier, copy, "HANDOVER_REQUESTED", Map.of("personId", org.outside().get(ClearanceLevel.CORE)))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("personId"))
                .andExpect(jsonPath("$.detail").value("该人员不在此载体的知悉范围内"));
        api.post(custodian, carrier, copy, "HANDOVER_REQUESTED", Map.of("personId", org.custodian()))
                .andExpect(status().isUnprocessableContent());
        api.post(custodian, carrier, copy, "HANDOVER_REQUESTED", Map.of("personId", org.siblingPerson()))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("personId"))
                .andExpect(jsonPath("$.detail").value("保管人、接收人和借用人须是载体所属单位的人员；交给外单位请登记“发出”"));
        assertThat(api.state(copy).get("status")).isEqualTo("LIVE");
    }

    @Test
    void twoSimultaneousHandOversOfOneCopyExactlyOneSucceeds() throws Exception {
        List<Long> receivers = List.of(org.colleague(), org.inside().get(ClearanceLevel.CORE));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Boolean>> results = new ArrayList<>();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        try {
            for (long to : receivers) {
                results.add(pool.submit(() -> {
                    TestUsers.signIn(custodian);
                    try {
                        start.await();
                        custody.handOver(copy, to, null);
                        return true;
                    } catch (BusinessRuleViolation e) {
                        failures.add(e);
                        return false;
                    } finally {
                        TestUsers.signOut();
                    }
                }));
            }
            start.countDown();
            int succeeded = 0;
            for (Future<Boolean> result : results) {
                succeeded += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(succeeded).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(failures).hasSize(1).allSatisfy(e -> assertThat(((BusinessRuleViolation) e).messageKey())
                .isIn("carrier.copy.changedMeanwhile", "carrier.copy.wrongStatus"));
        Map<String, Object> state = api.state(copy);
        assertThat(state.get("status")).isEqualTo("HANDOVER_PENDING");
        assertThat(((Number) state.get("version")).intValue()).isEqualTo(1);
        assertThat(((Number) state.get("custodian_id")).longValue()).isEqualTo(org.custodian());
        assertThat(receivers).contains(((Number) state.get("pending_custodian_id")).longValue());
        assertThat(api.events(copy, EventType.HANDOVER_REQUESTED)).isEqualTo(1);
    }

    @Test
    void noEventOnADestroyedOrReturnedCopy() throws Exception {
        for (CopyStatus closed : List.of(CopyStatus.DESTROYED, CopyStatus.RETURNED)) {
            api.setStatus(copy, closed);
            api.post(custodian, carrier, copy, "HANDOVER_REQUESTED", Map.of("personId", org.colleague()))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.detail").value("已销毁或已清退的载体不能再登记任何事项"));
            api.post(org.officer(), carrier, copy, "LENT", Map.of("personId", org.colleague(), "dueDate", "2099-01-01"))
                    .andExpect(status().isUnprocessableContent());
            api.post(org.officer(), carrier, copy, "SENT", Map.of("channel", "BY_HAND", "counterpart", "市委办"))
                    .andExpect(status().isUnprocessableContent());
            assertThat(api.state(copy).get("status")).isEqualTo(closed.name());
        }
        assertThat(api.events(copy, EventType.HANDOVER_REQUESTED)).isZero();
    }

    @Test
    void theReceiverSeesHandOversWaitingForThemAndTheOfficeSeesWhoHoldsWhat() throws Exception {
        api.post(custodian, carrier, copy, "HANDOVER_REQUESTED", Map.of("personId", org.colleague()))
                .andExpect(status().isCreated());
        String ledgerNumber = jdbc.sql("select ledger_number from carrier_copies where id = ?").param(copy)
                .query(String.class).single();
        String list = mvc.perform(get("/carriers").with(as(receiver))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(list).contains("待我确认的交接").contains(ledgerNumber);
        String home = mvc.perform(get("/").with(as(receiver))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(home).contains(ledgerNumber);
        assertThat(mvc.perform(get("/").with(as(custodian))).andReturn().getResponse().getContentAsString())
                .doesNotContain(ledgerNumber);
        String holdings = mvc.perform(get("/carriers/holdings").with(as(org.officer()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(holdings).contains("管理员").contains("同事").contains(ledgerNumber);
        mvc.perform(get("/carriers/holdings").with(as(custodian))).andExpect(status().isForbidden());
        mvc.perform(get("/carriers/holdings").with(as(TestUsers.user(org.bureau(), null, Role.SUPERVISOR))))
                .andExpect(status().isForbidden());
    }

    @Test
    void theDetailPageOffersTheActionsAndRecordsThem() throws Exception {
        String page = mvc.perform(get("/carriers/" + carrier).with(as(custodian))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("value=\"HANDOVER_REQUESTED\"");
        mvc.perform(post("/carriers/" + carrier + "/events").with(as(custodian)).with(csrf())
                        .param("copyId", String.valueOf(copy)).param("type", "HANDOVER_REQUESTED")
                        .param("personId", String.valueOf(org.colleague())))
                .andExpect(status().is3xxRedirection());
        String receiverPage = mvc.perform(get("/carriers/" + carrier).with(as(receiver))).andReturn().getResponse()
                .getContentAsString();
        assertThat(receiverPage).contains("confirm-" + copy);
        mvc.perform(post("/carriers/" + carrier + "/events").with(as(receiver)).with(csrf())
                        .param("copyId", String.valueOf(copy)).param("type", "HANDOVER_CONFIRMED"))
                .andExpect(status().is3xxRedirection());
        assertThat(((Number) api.state(copy).get("custodian_id")).longValue()).isEqualTo(org.colleague());
        mvc.perform(post("/carriers/" + carrier + "/events").with(as(receiver)).with(csrf())
                        .param("copyId", String.valueOf(copy)).param("type", "HANDOVER_REQUESTED")
                        .param("personId", String.valueOf(org.outside().get(ClearanceLevel.CORE))))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problem", "该人员不在此载体的知悉范围内"));
    }
}
