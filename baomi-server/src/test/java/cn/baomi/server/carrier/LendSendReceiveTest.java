package cn.baomi.server.carrier;

import static cn.baomi.server.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

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

/** Borrowing with a due date, sending by an approved channel, receiving and signing (domain.md §4, rules 2 and 3). */
@BaomiTest
class LendSendReceiveTest {

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
    long carrier;
    long copy;
    CurrentUser custodian;
    CurrentUser borrower;

    @BeforeEach
    void aConfidentialCopyHeldByTheCustodian() {
        fixtures = new CarrierFixtures(organization, carriers);
        org = fixtures.org();
        api = new CopyApi(mvc, jdbc);
        carrier = fixtures.carrier(org, SecretLevel.CONFIDENTIAL, CarrierFixtures.uniqueTitle("借阅"));
        copy = CarrierFixtures.copyIds(jdbc, carrier).get(0);
        custodian = org.as(org.custodian(), Role.STAFF);
        borrower = org.as(org.inside().get(ClearanceLevel.GENERAL), Role.STAFF);
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void aLentCopyKeepsItsCustodianAndRecordsBorrowerAndDueDate() throws Exception {
        String due = LocalDate.now().plusDays(7).toString();
        api.post(custodian, carrier, copy, "LENT", Map.of("personId", org.inside().get(ClearanceLevel.GENERAL), "dueDate", due))
                .andExpect(status().isCreated());
        Map<String, Object> lent = api.state(copy);
        assertThat(lent.get("status")).isEqualTo("LENT");
        assertThat(((Number) lent.get("custodian_id")).longValue()).isEqualTo(org.custodian());
        assertThat(((Number) lent.get("borrower_id")).longValue()).isEqualTo(org.inside().get(ClearanceLevel.GENERAL));
        assertThat(lent.get("due_date").toString()).isEqualTo(due);
        api.post(custodian, carrier, copy, "HANDOVER_REQUESTED", Map.of("personId", org.colleague()))
                .andExpect(status().isUnprocessableContent());
        api.post(borrower, carrier, copy, "LOAN_RETURNED", Map.of()).andExpect(status().isForbidden());
        api.post(custodian, carrier, copy, "LOAN_RETURNED", Map.of()).andExpect(status().isCreated());
        Map<String, Object> back = api.state(copy);
        assertThat(back.get("status")).isEqualTo("LIVE");
        assertThat(back.get("borrower_id")).isNull();
        assertThat(back.get("due_date")).isNull();
        assertThat(api.audited("COPY_LENT", copy)).isEqualTo(1);
        assertThat(api.audited("COPY_LOAN_RETURNED", copy)).isEqualTo(1);
    }

    @Test
    void aBorrowingNeedsADueDateNotInThePastAndAClearedBorrowerInsideTheScope() throws Exception {
        api.post(custodian, carrier, copy, "LENT", Map.of("personId", org.inside().get(ClearanceLevel.GENERAL)))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("dueDate"));
        api.post(custodian, carrier, copy, "LENT", Map.of("personId", org.inside().get(ClearanceLevel.GENERAL),
                "dueDate", LocalDate.now().minusDays(1).toString()))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("dueDate"));
        String due = LocalDate.now().plusDays(3).toString();
        api.post(custodian, carrier, copy, "LENT", Map.of("personId", org.inside().get(ClearanceLevel.NONE), "dueDate", due))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("personId"));
        api.post(custodian, carrier, copy, "LENT", Map.of("personId", org.outside().get(ClearanceLevel.CORE), "dueDate", due))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("personId"));
        assertThat(api.state(copy).get("status")).isEqualTo("LIVE");
    }

    @Test
    void anOverdueBorrowingIsRemindedOnTheHomePage() throws Exception {
        api.post(org.officer(), carrier, copy, "LENT", Map.of("personId", org.inside().get(ClearanceLevel.GENERAL),
                "dueDate", LocalDate.now().toString())).andExpect(status().isCreated());
        String ledgerNumber = jdbc.sql("select ledger_number from carrier_copies where id = ?").param(copy)
                .query(String.class).single();
        assertThat(home(borrower)).doesNotContain(ledgerNumber);
        jdbc.sql("update carrier_copies set due_date = ? where id = ?").params(LocalDate.now().minusDays(2), copy).update();
        assertThat(home(borrower)).contains(ledgerNumber).contains("已超过归还期限");
        assertThat(home(custodian)).contains(ledgerNumber);
        assertThat(home(org.as(org.colleague(), Role.STAFF))).doesNotContain(ledgerNumber);
        String holdings = mvc.perform(get("/carriers/holdings").with(as(org.officer()))).andReturn().getResponse()
                .getContentAsString();
        assertThat(holdings).contains(ledgerNumber).contains("内" + ClearanceLevel.GENERAL.ordinal());
    }

    @Test
    void aCopyIsSentOnlyByAnApprovedChannelToANamedReceiverAndSignedForWhenItComesBack() throws Exception {
        api.post(custodian, carrier, copy, "SENT", Map.of("counterpart", "市委办公室"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("channel"));
        api.post(custodian, carrier, copy, "SENT", Map.of("channel", "CONFIDENTIAL_COURIER"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("counterpart"));
        api.post(custodian, carrier, copy, "SENT", Map.of("channel", "CONFIDENTIAL_COURIER", "counterpart", "市委办公室"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].type").value("SENT"))
                .andExpect(jsonPath("$[0].channel").value("CONFIDENTIAL_COURIER"))
                .andExpect(jsonPath("$[0].counterpart").value("市委办公室"));
        assertThat(api.state(copy).get("status")).isEqualTo("SENT");
        api.post(custodian, carrier, copy, "LENT", Map.of("personId", org.colleague(), "dueDate", "2099-01-01"))
                .andExpect(status().isUnprocessableContent());
        api.post(custodian, carrier, copy, "RECEIVED_BACK", Map.of("channel", "CONFIDENTIAL_MAIL", "counterpart", "市委办公室"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("place"));
        api.post(custodian, carrier, copy, "RECEIVED_BACK", Map.of("channel", "CONFIDENTIAL_MAIL",
                "counterpart", "市委办公室", "place", "档案室")).andExpect(status().isCreated());
        Map<String, Object> back = api.state(copy);
        assertThat(back.get("status")).isEqualTo("LIVE");
        assertThat(back.get("place")).isEqualTo("档案室");
        assertThat(api.audited("COPY_SENT", copy)).isEqualTo(1);
        assertThat(api.audited("COPY_RECEIVED_BACK", copy)).isEqualTo(1);
    }

    @Test
    void aReceivedCarrierIsRegisteredWithTheSendingUnitAndChannel() throws Exception {
        CarrierForm form = CarrierFixtures.form(org, SecretLevel.SECRET, CarrierFixtures.uniqueTitle("来文"),
                List.of(new CarrierScopes.Entry(ScopeKind.DEPARTMENT, org.department())), 2);
        form.setOrigin(Origin.RECEIVED);
        TestUsers.signIn(org.officer());
        assertThatThrownBy(() -> carriers.register(form))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        e -> assertThat(e.field()).isEqualTo("originName"));
        form.setOriginName("省发展改革委");
        form.setChannel(Channel.CONFIDENTIAL_COURIER);
        long id = carriers.register(form);
        TestUsers.signOut();
        long first = CarrierFixtures.copyIds(jdbc, id).get(0);
        assertThat(api.events(first, EventType.RECEIVED)).isEqualTo(1);
        mvc.perform(get("/api/carriers/" + id + "/events").with(as(org.officer())))
                .andExpect(jsonPath("$[0].type").value("RECEIVED"))
                .andExpect(jsonPath("$[0].channel").value("CONFIDENTIAL_COURIER"))
                .andExpect(jsonPath("$[0].counterpart").value("省发展改革委"))
                .andExpect(jsonPath("$.length()").value(2));
    }

    private String home(CurrentUser user) throws Exception {
        return mvc.perform(get("/").with(as(user))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }
}
