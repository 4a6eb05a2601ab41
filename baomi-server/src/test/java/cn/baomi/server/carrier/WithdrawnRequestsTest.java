package cn.baomi.server.carrier;

import static cn.baomi.server.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import cn.baomi.server.organization.OrganizationSetup;
import cn.baomi.server.shared.ClearanceLevel;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.Role;
import cn.baomi.server.support.BaomiTest;
import cn.baomi.server.support.TestUsers;

/**
 * A request withdrawn on the approvals page (or through {@code /api/approvals/{id}/withdraw}) does not stay
 * "pending" in the carrier ledger: copy, carry-out, destruction and compilation requests are closed as withdrawn,
 * nothing is made, and what a pending request blocked is free again.
 */
@BaomiTest
class WithdrawnRequestsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    OrganizationSetup organization;
    @Autowired
    CarrierService carriers;
    @Autowired
    JdbcClient jdbc;

    CarrierFixtures fixtures;
    CarrierFixtures.Org org;
    CopyApi api;
    CurrentUser custodian;
    long carrier;
    long copy;

    @BeforeEach
    void aSecretCopyHeldByTheCustodian() {
        fixtures = new CarrierFixtures(organization, carriers);
        org = fixtures.org();
        api = new CopyApi(mvc, jdbc);
        custodian = org.as(org.custodian(), Role.STAFF);
        carrier = fixtures.carrier(org, SecretLevel.SECRET, CarrierFixtures.uniqueTitle("撤回"));
        copy = CarrierFixtures.copyIds(jdbc, carrier).get(0);
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void aWithdrawnCopyRequestMakesNothing() throws Exception {
        mvc.perform(post("/api/carriers/" + carrier + "/copy-requests").with(as(custodian))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"count\":2,\"reason\":\"会议使用\"}"))
                .andExpect(status().isCreated());
        long request = last("copy_requests", "carrier_id", carrier);

        withdraw(custodian, approvalOf("copy_requests", request)).andExpect(status().isOk());

        assertThat(state("copy_requests", request)).isEqualTo("WITHDRAWN");
        assertThat(CarrierFixtures.copyIds(jdbc, carrier)).hasSize(1);
        assertThat(audited("COPY_REQUEST_WITHDRAWN", carrier)).isEqualTo(1);
    }

    @Test
    void aWithdrawnCarryOutRequestFreesTheCopyForANewOne() throws Exception {
        carryOut().andExpect(status().isCreated());
        carryOut().andExpect(status().isUnprocessableContent());
        long request = last("carry_out_requests", "copy_id", copy);

        withdraw(custodian, approvalOf("carry_out_requests", request)).andExpect(status().isOk());

        assertThat(state("carry_out_requests", request)).isEqualTo("WITHDRAWN");
        assertThat(audited("CARRY_OUT_WITHDRAWN", copy)).isEqualTo(1);
        api.post(custodian, carrier, copy, "CARRIED_OUT", Map.of()).andExpect(status().isUnprocessableContent());
        carryOut().andExpect(status().isCreated());
    }

    @Test
    void aWithdrawnDestructionListReleasesItsCopies() throws Exception {
        CurrentUser office = TestUsers.user(org.unit(), fixtures.personIn(org, null, null, ClearanceLevel.CORE),
                Role.SECRECY_OFFICER);
        listForDestruction(office).andExpect(status().isCreated());
        long list = jdbc.sql("select max(list_id) from destruction_list_copies where copy_id = ?").param(copy)
                .query(Long.class).single();
        listForDestruction(office).andExpect(status().isUnprocessableContent());

        withdraw(office, approvalOf("destruction_lists", list)).andExpect(status().isOk());

        assertThat(state("destruction_lists", list)).isEqualTo("WITHDRAWN");
        assertThat(audited("DESTRUCTION_WITHDRAWN", list)).isEqualTo(1);
        listForDestruction(office).andExpect(status().isCreated());
    }

    @Test
    void aWithdrawnCompilationRequestCompilesNothing() throws Exception {
        long other = fixtures.carrier(org, SecretLevel.CONFIDENTIAL, CarrierFixtures.uniqueTitle("来源"));
        String otherNumber = jdbc.sql("select ledger_number from carrier_copies where carrier_id = ?").param(other)
                .query(String.class).single();
        long carriersBefore = jdbc.sql("select count(*) from carriers where unit_id = ?").param(org.unit())
                .query(Long.class).single();
        api.post(custodian, carrier, copy, "COMPILATION_REQUESTED", Map.of("compilationKind", "COMPILATION",
                "title", CarrierFixtures.uniqueTitle("汇编"), "note", "年度汇编", "sourceLedgerNumbers", otherNumber))
                .andExpect(status().isCreated());
        long request = last("compilation_requests", "unit_id", org.unit());

        withdraw(custodian, approvalOf("compilation_requests", request)).andExpect(status().isOk());

        assertThat(state("compilation_requests", request)).isEqualTo("WITHDRAWN");
        assertThat(audited("COMPILATION_WITHDRAWN", request)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from carriers where unit_id = ?").param(org.unit()).query(Long.class)
                .single()).isEqualTo(carriersBefore);
    }

    @Test
    void onlyTheRequesterWithdraws() throws Exception {
        carryOut().andExpect(status().isCreated());
        long request = last("carry_out_requests", "copy_id", copy);
        withdraw(org.officer(), approvalOf("carry_out_requests", request)).andExpect(status().isForbidden());
        withdraw(org.as(org.colleague(), Role.STAFF), approvalOf("carry_out_requests", request))
                .andExpect(status().isNotFound());
        assertThat(state("carry_out_requests", request)).isEqualTo("PENDING");
    }

    private ResultActions carryOut() throws Exception {
        return api.post(custodian, carrier, copy, "CARRY_OUT_REQUESTED", Map.of("counterpart", "省委",
                "dueDate", LocalDate.now().plusDays(5).toString(), "note", "参加会议", "abroad", "false"));
    }

    private ResultActions listForDestruction(CurrentUser office) throws Exception {
        return mvc.perform(post("/api/carriers/destruction-lists").with(as(office)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"copyIds\":[" + copy + "],\"reason\":\"已过保密期限，无保存价值\"}"));
    }

    private ResultActions withdraw(CurrentUser user, long approval) throws Exception {
        return mvc.perform(post("/api/approvals/" + approval + "/withdraw").with(as(user)));
    }

    private long last(String table, String column, long value) {
        return jdbc.sql("select max(id) from " + table + " where " + column + " = ?").param(value).query(Long.class)
                .single();
    }

    private long approvalOf(String table, long id) {
        return jdbc.sql("select approval_id from " + table + " where id = ?").param(id).query(Long.class).single();
    }

    private String state(String table, long id) {
        return jdbc.sql("select state from " + table + " where id = ?").param(id).query(String.class).single();
    }

    private long audited(String action, long targetId) {
        return jdbc.sql("select count(*) from audit_events where action = ? and target_id = ?")
                .params(action, String.valueOf(targetId)).query(Long.class).single();
    }
}
