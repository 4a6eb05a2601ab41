package cn.baomi.server.carrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

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

/** A hand-over not yet confirmed may be withdrawn by its sender or the secrecy office; the sender stays custodian. */
@BaomiTest
class HandOverWithdrawalTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    OrganizationSetup organization;
    @Autowired
    CarrierService carriers;
    @Autowired
    JdbcClient jdbc;

    CarrierFixtures.Org org;
    CopyApi api;
    long carrier;
    long copy;
    CurrentUser sender;
    CurrentUser receiver;

    @BeforeEach
    void aHandOverWaitingForTheReceiver() throws Exception {
        CarrierFixtures fixtures = new CarrierFixtures(organization, carriers);
        org = fixtures.org();
        api = new CopyApi(mvc, jdbc);
        carrier = fixtures.carrier(org, SecretLevel.SECRET, CarrierFixtures.uniqueTitle("撤回"));
        copy = CarrierFixtures.copyIds(jdbc, carrier).get(0);
        sender = org.as(org.custodian(), Role.STAFF);
        receiver = org.as(org.colleague(), Role.STAFF);
        api.post(sender, carrier, copy, "HANDOVER_REQUESTED", Map.of("personId", org.colleague()))
                .andExpect(status().isCreated());
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void senderWithdrawsAPendingHandOverAndStaysCustodian() throws Exception {
        api.post(sender, carrier, copy, "HANDOVER_WITHDRAWN", Map.of("note", "送错了人"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].type").value("HANDOVER_WITHDRAWN"))
                .andExpect(jsonPath("$[0].toCustodianId").value(org.colleague()));
        Map<String, Object> state = api.state(copy);
        assertThat(state.get("status")).isEqualTo("LIVE");
        assertThat(((Number) state.get("custodian_id")).longValue()).isEqualTo(org.custodian());
        assertThat(state.get("pending_custodian_id")).isNull();
        assertThat(api.audited("COPY_HANDOVER_WITHDRAWN", copy)).isEqualTo(1);

        api.post(receiver, carrier, copy, "HANDOVER_CONFIRMED", Map.of()).andExpect(status().isUnprocessableContent());
        assertThat(((Number) api.state(copy).get("custodian_id")).longValue()).isEqualTo(org.custodian());
    }

    @Test
    void secrecyOfficeWithdrawsAPendingHandOver() throws Exception {
        api.post(org.officer(), carrier, copy, "HANDOVER_WITHDRAWN", Map.of()).andExpect(status().isCreated());
        assertThat(api.state(copy).get("status")).isEqualTo("LIVE");
    }

    @Test
    void onlyTheSenderOrTheSecrecyOfficeWithdrawsAHandOver() throws Exception {
        api.post(receiver, carrier, copy, "HANDOVER_WITHDRAWN", Map.of()).andExpect(status().isForbidden());
        CurrentUser bystander = org.as(org.inside().get(ClearanceLevel.CORE), Role.STAFF);
        api.post(bystander, carrier, copy, "HANDOVER_WITHDRAWN", Map.of()).andExpect(status().isForbidden());
        assertThat(api.state(copy).get("status")).isEqualTo("HANDOVER_PENDING");
        assertThat(api.events(copy, EventType.HANDOVER_WITHDRAWN)).isZero();
    }

    @Test
    void onlyAPendingHandOverIsWithdrawn() throws Exception {
        api.post(receiver, carrier, copy, "HANDOVER_CONFIRMED", Map.of()).andExpect(status().isCreated());
        api.post(sender, carrier, copy, "HANDOVER_WITHDRAWN", Map.of()).andExpect(status().isUnprocessableContent());
        api.post(org.officer(), carrier, copy, "HANDOVER_WITHDRAWN", Map.of()).andExpect(status().isUnprocessableContent());
        assertThat(((Number) api.state(copy).get("custodian_id")).longValue()).isEqualTo(org.colleague());
    }
}
