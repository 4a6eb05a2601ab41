package cn.baomi.server.carrier;

import static cn.baomi.server.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.baomi.server.organization.OrganizationSetup;
import cn.baomi.server.shared.ClearanceLevel;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.Role;
import cn.baomi.server.support.BaomiTest;
import cn.baomi.server.support.TestUsers;

/**
 * The approval page names its subject — the carrier's title, copy and ledger number, linked to the carrier — only for
 * an approver who may see the copy; an approver without the clearance sees the ledger number alone, no title and no
 * link (domain.md §2: people without clearance do not learn what a classified item is about).
 */
@BaomiTest
class ApprovalSubjectTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    OrganizationSetup organization;
    @Autowired
    CarrierService carriers;
    @Autowired
    JdbcClient jdbc;

    CarrierFixtures.Org org;
    String title;
    long carrier;
    long copy;
    String ledgerNumber;
    long approval;

    /** A 机密 carrier of the department; its custodian asks for a copy, so the department head decides first. */
    @BeforeEach
    void aCopyRequestOfASecretCarrier() throws Exception {
        CarrierFixtures fixtures = new CarrierFixtures(organization, carriers);
        org = fixtures.org();
        title = CarrierFixtures.uniqueTitle("关于年度保密工作的请示");
        carrier = fixtures.carrier(org, SecretLevel.SECRET, title);
        copy = CarrierFixtures.copyIds(jdbc, carrier).get(0);
        ledgerNumber = jdbc.sql("select ledger_number from carrier_copies where id = ?").param(copy).query(String.class)
                .single();
        mvc.perform(post("/api/carriers/" + carrier + "/copy-requests").with(as(org.as(org.custodian(), Role.STAFF)))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"count\":1,\"reason\":\"会议传达\"}"))
                .andExpect(status().isCreated());
        approval = jdbc.sql("select approval_id from copy_requests where carrier_id = ?").param(carrier)
                .query(Long.class).single();
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void anApproverWhoMaySeeTheCopySeesTheCarriersTitleLinkedToIt() throws Exception {
        CurrentUser head = org.as(org.colleague(), Role.DEPARTMENT_HEAD);
        String page = page(head);
        assertThat(page).contains(title).contains(ledgerNumber).contains("href=\"/carriers/" + carrier + "\"");
        mvc.perform(get("/api/approvals/" + approval).with(as(head))).andExpect(status().isOk())
                .andExpect(jsonPath("$.subject.link").value("/carriers/" + carrier))
                .andExpect(jsonPath("$.subject.text").value(containsString(title)));
        assertThat(jdbc.sql("select count(*) from audit_events where action = 'CARRIER_VIEWED' and target_id = ? "
                        + "and actor = ? and detail like 'approval subject%'")
                .params(String.valueOf(carrier), head.username()).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void anApproverWithoutClearanceSeesTheLedgerNumberOnly() throws Exception {
        CurrentUser uncleared = org.as(org.inside().get(ClearanceLevel.GENERAL), Role.DEPARTMENT_HEAD);
        String page = page(uncleared);
        assertThat(page).contains(ledgerNumber).doesNotContain(title).doesNotContain("href=\"/carriers/" + carrier);
        mvc.perform(get("/api/approvals/" + approval).with(as(uncleared))).andExpect(status().isOk())
                .andExpect(jsonPath("$.subject.link").doesNotExist())
                .andExpect(jsonPath("$.subject.text").value(containsString(ledgerNumber)))
                .andExpect(jsonPath("$.subject.text").value(not(
                        containsString(title))));
        assertThat(jdbc.sql("select count(*) from audit_events where action = 'CARRIER_VIEWED' and actor = ?")
                .param(uncleared.username()).query(Long.class).single()).isZero();
    }

    @Test
    void someoneWhoMayNotSeeTheApprovalLearnsNothingOfItsSubject() throws Exception {
        CurrentUser otherUnit = TestUsers.user(org.sibling(), org.siblingPerson(), Role.DEPARTMENT_HEAD);
        mvc.perform(get("/approvals/" + approval).with(as(otherUnit))).andExpect(status().isNotFound());
        mvc.perform(get("/api/approvals/" + approval).with(as(otherUnit))).andExpect(status().isNotFound());
    }

    @Test
    void aDestructionListIsNamedAndLinkedForTheOfficeThatKeepsIt() throws Exception {
        CarrierFixtures fixtures = new CarrierFixtures(organization, carriers);
        CurrentUser office = TestUsers.user(org.unit(), fixtures.personIn(org, null, null, ClearanceLevel.CORE),
                Role.SECRECY_OFFICER);
        long other = CarrierFixtures.copyIds(jdbc, fixtures.carrier(org, SecretLevel.CONFIDENTIAL,
                CarrierFixtures.uniqueTitle("销毁"))).get(0);
        mvc.perform(post("/api/carriers/destruction-lists").with(as(office)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"copyIds\":[" + other + "],\"reason\":\"无保存价值\"}")).andExpect(status().isCreated());
        long list = jdbc.sql("select list_id from destruction_list_copies where copy_id = ?").param(other)
                .query(Long.class).single();
        long listApproval = jdbc.sql("select approval_id from destruction_lists where id = ?").param(list)
                .query(Long.class).single();
        mvc.perform(get("/api/approvals/" + listApproval).with(as(org.officer()))).andExpect(status().isOk())
                .andExpect(jsonPath("$.subject.text").value("销毁清单 第 " + list + " 号，共 1 份"))
                .andExpect(jsonPath("$.subject.link").value("/carriers/destruction/" + list));
    }

    private String page(CurrentUser user) throws Exception {
        return mvc.perform(get("/approvals/" + approval).with(as(user))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }
}
