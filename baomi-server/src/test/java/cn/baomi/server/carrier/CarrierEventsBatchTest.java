package cn.baomi.server.carrier;

import static cn.baomi.server.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;

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
 * {@code POST /api/carriers/events}: several events in one transaction, each checked and audited as if posted alone,
 * all appended or none (docs/decisions/ledger-performance.md).
 */
@BaomiTest
class CarrierEventsBatchTest {

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
    long first;
    long firstCopy;
    long second;
    long secondCopy;
    long borrower;
    String due = LocalDate.now().plusDays(7).toString();

    @BeforeEach
    void twoCarriersOfTheUnit() {
        CarrierFixtures fixtures = new CarrierFixtures(organization, carriers);
        org = fixtures.org();
        api = new CopyApi(mvc, jdbc);
        first = fixtures.carrier(org, SecretLevel.CONFIDENTIAL, CarrierFixtures.uniqueTitle("批量一"));
        firstCopy = CarrierFixtures.copyIds(jdbc, first).get(0);
        second = fixtures.carrier(org, SecretLevel.CONFIDENTIAL, CarrierFixtures.uniqueTitle("批量二"));
        secondCopy = CarrierFixtures.copyIds(jdbc, second).get(0);
        borrower = org.inside().get(ClearanceLevel.GENERAL);
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void eventsOnCopiesOfSeveralCarriersAreAppendedInOrderEachAudited() throws Exception {
        batch(org.officer(), lend(first, firstCopy), lend(second, secondCopy), giveBack(first, firstCopy))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.length()").value(3))
                .andExpect(jsonPath("$[0].type").value("LENT"))
                .andExpect(jsonPath("$[0].copyId").value(firstCopy))
                .andExpect(jsonPath("$[1].copyId").value(secondCopy))
                .andExpect(jsonPath("$[2].type").value("LOAN_RETURNED"));
        assertThat(api.state(firstCopy).get("status")).isEqualTo("LIVE");
        assertThat(api.state(secondCopy).get("status")).isEqualTo("LENT");
        assertThat(api.events(firstCopy, EventType.LENT)).isEqualTo(1);
        assertThat(api.events(firstCopy, EventType.LOAN_RETURNED)).isEqualTo(1);
        assertThat(api.audited("COPY_LENT", firstCopy)).isEqualTo(1);
        assertThat(api.audited("COPY_LOAN_RETURNED", firstCopy)).isEqualTo(1);
        assertThat(api.audited("COPY_LENT", secondCopy)).isEqualTo(1);
    }

    @Test
    void aBrokenRuleRefusesTheWholeBatchAndNamesTheEvent() throws Exception {
        long outsider = org.outside().get(ClearanceLevel.CORE);
        batch(org.officer(), lend(first, firstCopy), """
                {"carrierId":%d,"copyId":%d,"type":"LENT","personId":%d,"dueDate":"%s"}""".formatted(second, secondCopy,
                outsider, due))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("events[1].personId"));
        assertNothingAppended();
    }

    @Test
    void aCopyOfAnotherCarrierOrOneTheCallerMayNotSeeRefusesTheWholeBatch() throws Exception {
        batch(org.officer(), lend(first, firstCopy), lend(first, secondCopy)).andExpect(status().isNotFound());
        assertNothingAppended();
        CurrentUser outsider = org.as(org.outside().get(ClearanceLevel.CORE), Role.STAFF);
        batch(outsider, lend(first, firstCopy)).andExpect(status().isNotFound());
        assertNothingAppended();
    }

    @Test
    void aBatchHoldsOneToAHundredEvents() throws Exception {
        batch(org.officer()).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("events"));
        String[] tooMany = Collections.nCopies(CarrierEvent.MOST + 1, lend(first, firstCopy)).toArray(String[]::new);
        batch(org.officer(), tooMany).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("events"));
        assertNothingAppended();
    }

    private void assertNothingAppended() {
        for (long copy : List.of(firstCopy, secondCopy)) {
            assertThat(api.state(copy).get("status")).isEqualTo("LIVE");
            assertThat(api.events(copy, EventType.LENT)).isZero();
            assertThat(api.audited("COPY_LENT", copy)).isZero();
        }
    }

    private String lend(long carrier, long copy) {
        return """
                {"carrierId":%d,"copyId":%d,"type":"LENT","personId":%d,"dueDate":"%s"}""".formatted(carrier, copy,
                borrower, due);
    }

    private static String giveBack(long carrier, long copy) {
        return """
                {"carrierId":%d,"copyId":%d,"type":"LOAN_RETURNED"}""".formatted(carrier, copy);
    }

    private ResultActions batch(CurrentUser user, String... events) throws Exception {
        return mvc.perform(post("/api/carriers/events").with(as(user)).contentType(MediaType.APPLICATION_JSON)
                .content("[" + String.join(",", events) + "]"));
    }
}
