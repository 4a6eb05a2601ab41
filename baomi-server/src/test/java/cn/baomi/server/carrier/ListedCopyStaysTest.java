package cn.baomi.server.carrier;

import static cn.baomi.server.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.baomi.server.approval.ApprovalService;
import cn.baomi.server.organization.OrganizationSetup;
import cn.baomi.server.shared.ClearanceLevel;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.Role;
import cn.baomi.server.support.BaomiTest;
import cn.baomi.server.support.TestUsers;

/**
 * A copy listed for destruction stays where it is (docs/decisions/carrier-ledger.md): while its list is pending or
 * approved it is not handed over, lent, sent, carried out, returned or archived; a refused list frees it again.
 */
@BaomiTest
class ListedCopyStaysTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    OrganizationSetup organization;
    @Autowired
    CarrierService carriers;
    @Autowired
    ApprovalService approvals;
    @Autowired
    JdbcClient jdbc;

    CarrierFixtures.Org org;
    CopyApi api;
    long carrier;
    long listed;
    long other;
    CurrentUser office;
    CurrentUser custodian;

    @BeforeEach
    void oneOfTwoCopiesListedForDestruction() throws Exception {
        CarrierFixtures fixtures = new CarrierFixtures(organization, carriers);
        org = fixtures.org();
        api = new CopyApi(mvc, jdbc);
        carrier = fixtures.carrier(org, SecretLevel.CONFIDENTIAL, CarrierFixtures.uniqueTitle("待销毁"),
                List.of(new CarrierScopes.Entry(ScopeKind.DEPARTMENT, org.department())), 2);
        List<Long> copies = CarrierFixtures.copyIds(jdbc, carrier);
        listed = copies.get(0);
        other = copies.get(1);
        office = TestUsers.user(org.unit(), fixtures.personIn(org, null, null, ClearanceLevel.CORE), Role.SECRECY_OFFICER);
        custodian = org.as(org.custodian(), Role.STAFF);
        mvc.perform(post("/api/carriers/destruction-lists").with(as(office)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"copyIds\":[" + listed + "],\"reason\":\"已过保密期限\"}")).andExpect(status().isCreated());
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void copyOnAnOpenDestructionListIsNotHandedOverLentOrSent() throws Exception {
        api.post(custodian, carrier, listed, "HANDOVER_REQUESTED", Map.of("personId", org.colleague()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("copyId"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("销毁清单")));
        api.post(custodian, carrier, listed, "LENT", Map.of("personId", org.colleague(),
                "dueDate", LocalDate.now().plusDays(3).toString())).andExpect(status().isUnprocessableContent());
        api.post(office, carrier, listed, "SENT", Map.of("channel", "CONFIDENTIAL_COURIER", "counterpart", "市保密局"))
                .andExpect(status().isUnprocessableContent());
        assertThat(api.state(listed).get("status")).isEqualTo("LIVE");
        assertThat(jdbc.sql("select count(*) from copy_events where copy_id = ?").param(listed).query(Long.class).single())
                .isEqualTo(1);

        api.post(custodian, carrier, other, "LENT", Map.of("personId", org.colleague(),
                "dueDate", LocalDate.now().plusDays(3).toString())).andExpect(status().isCreated());
    }

    @Test
    void copyOnAnOpenDestructionListIsNotReturnedToTheIssuerOrArchived() throws Exception {
        api.post(office, carrier, listed, "RETURNED_TO_ISSUER", Map.of("counterpart", "省发展改革委"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].message").value(containsString("销毁清单")));
        api.post(custodian, carrier, listed, "ARCHIVED", Map.of("place", "档案室 3 号柜"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].message").value(containsString("销毁清单")));
        assertThat(api.state(listed).get("status")).isEqualTo("LIVE");
        api.post(custodian, carrier, other, "ARCHIVED", Map.of("place", "档案室 3 号柜")).andExpect(status().isCreated());
    }

    @Test
    void copyOnAnApprovedDestructionListIsNotLent() throws Exception {
        decide(true);
        api.post(custodian, carrier, listed, "LENT", Map.of("personId", org.colleague(),
                "dueDate", LocalDate.now().plusDays(3).toString())).andExpect(status().isUnprocessableContent());
        assertThat(api.state(listed).get("status")).isEqualTo("LIVE");
    }

    @Test
    void copyOnARefusedDestructionListMovesAgain() throws Exception {
        decide(false);
        api.post(custodian, carrier, listed, "HANDOVER_REQUESTED", Map.of("personId", org.colleague()))
                .andExpect(status().isCreated());
        assertThat(api.state(listed).get("status")).isEqualTo("HANDOVER_PENDING");
    }

    private void decide(boolean approve) {
        long approval = jdbc.sql("""
                select l.approval_id from destruction_lists l join destruction_list_copies lc on lc.list_id = l.id
                where lc.copy_id = ?""").param(listed).query(Long.class).single();
        TestUsers.signIn(org.officer());
        try {
            if (approve) {
                approvals.approve(approval, null);
            } else {
                approvals.reject(approval, "仍需留存");
            }
        } finally {
            TestUsers.signOut();
        }
    }
}
