package cn.baomi.server.carrier;

import static cn.baomi.server.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import cn.baomi.server.approval.ApprovalService;
import cn.baomi.server.organization.OrganizationSetup;
import cn.baomi.server.shared.ClearanceLevel;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.Role;
import cn.baomi.server.support.BaomiTest;
import cn.baomi.server.support.TestUsers;

/**
 * An archived copy (归档) is still a copy the unit answers for: it is taken back out of the archive (调档/出档) to a
 * custodian and a place as a recorded event, or destroyed through the normal batch list (domain.md §4 rules 6, 10).
 */
@BaomiTest
class ArchivedCopiesTest {

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
    List<Long> copies;
    CurrentUser custodian;
    CurrentUser archivist;
    CurrentUser office;

    /** A 机密 carrier in two copies, both archived with the colleague as the archive keeper. */
    @BeforeEach
    void twoArchivedCopies() throws Exception {
        CarrierFixtures fixtures = new CarrierFixtures(organization, carriers);
        org = fixtures.org();
        api = new CopyApi(mvc, jdbc);
        carrier = fixtures.carrier(org, SecretLevel.SECRET, CarrierFixtures.uniqueTitle("归档"),
                List.of(new CarrierScopes.Entry(ScopeKind.DEPARTMENT, org.department())), 2);
        copies = CarrierFixtures.copyIds(jdbc, carrier);
        custodian = org.as(org.custodian(), Role.STAFF);
        archivist = org.as(org.colleague(), Role.STAFF);
        office = TestUsers.user(org.unit(), fixtures.personIn(org, null, null, ClearanceLevel.CORE), Role.SECRECY_OFFICER);
        for (long copy : copies) {
            api.post(custodian, carrier, copy, "ARCHIVED", Map.of("place", "档案室", "personId", org.colleague()))
                    .andExpect(status().isCreated());
        }
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void anArchivedCopyIsTakenOutOfTheArchiveToACustodianAndPlaceAsARecordedEvent() throws Exception {
        long copy = copies.get(0);
        api.post(archivist, carrier, copy, "RETRIEVED_FROM_ARCHIVE", Map.of("personId", org.custodian(),
                "place", "机要室 2 号柜", "note", "调阅")).andExpect(status().isCreated());
        Map<String, Object> state = api.state(copy);
        assertThat(state.get("status")).isEqualTo("LIVE");
        assertThat(((Number) state.get("custodian_id")).longValue()).isEqualTo(org.custodian());
        assertThat(state.get("place")).isEqualTo("机要室 2 号柜");
        assertThat(state.get("safe_id")).isNull();
        Map<String, Object> event = jdbc.sql("select * from copy_events where copy_id = ? and event_type = ?")
                .params(copy, EventType.RETRIEVED_FROM_ARCHIVE.name()).query().singleRow();
        assertThat(((Number) event.get("from_custodian_id")).longValue()).isEqualTo(org.colleague());
        assertThat(((Number) event.get("to_custodian_id")).longValue()).isEqualTo(org.custodian());
        assertThat(event.get("place")).isEqualTo("机要室 2 号柜");
        assertThat(api.audited("COPY_RETRIEVED_FROM_ARCHIVE", copy)).isEqualTo(1);
        api.post(custodian, carrier, copy, "LENT", Map.of("personId", org.colleague(),
                "dueDate", LocalDate.now().plusDays(3).toString())).andExpect(status().isCreated());
        api.post(custodian, carrier, copy, "RETRIEVED_FROM_ARCHIVE", Map.of("personId", org.custodian(), "place", "x"))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void takingACopyOutOfTheArchiveNeedsAnEligibleCustodianAndOnePlace() throws Exception {
        long copy = copies.get(0);
        api.post(archivist, carrier, copy, "RETRIEVED_FROM_ARCHIVE", Map.of("place", "机要室"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("personId"));
        api.post(archivist, carrier, copy, "RETRIEVED_FROM_ARCHIVE", Map.of("personId",
                org.inside().get(ClearanceLevel.GENERAL), "place", "机要室"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("personId"));
        api.post(archivist, carrier, copy, "RETRIEVED_FROM_ARCHIVE", Map.of("personId", org.outside().get(ClearanceLevel.CORE),
                "place", "机要室")).andExpect(status().isUnprocessableContent());
        api.post(archivist, carrier, copy, "RETRIEVED_FROM_ARCHIVE", Map.of("personId", org.custodian()))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("place"));
        assertThat(api.state(copy).get("status")).isEqualTo("ARCHIVED");
        assertThat(api.events(copy, EventType.RETRIEVED_FROM_ARCHIVE)).isZero();
    }

    @Test
    void onlyTheArchiveKeeperOrTheSecrecyOfficeTakesACopyOutOfTheArchive() throws Exception {
        long copy = copies.get(0);
        CurrentUser formerCustodian = custodian;
        api.post(formerCustodian, carrier, copy, "RETRIEVED_FROM_ARCHIVE", Map.of("personId", org.custodian(),
                "place", "机要室")).andExpect(status().isForbidden());
        CurrentUser outsider = TestUsers.user(org.sibling(), org.siblingPerson(), Role.STAFF);
        api.post(outsider, carrier, copy, "RETRIEVED_FROM_ARCHIVE", Map.of("personId", org.siblingPerson(),
                "place", "机要室")).andExpect(status().isNotFound());
        api.post(TestUsers.user(org.bureau(), null, Role.SUPERVISOR), carrier, copy, "RETRIEVED_FROM_ARCHIVE",
                Map.of("personId", org.custodian(), "place", "机要室")).andExpect(status().isNotFound());
        assertThat(api.state(copy).get("status")).isEqualTo("ARCHIVED");
        api.post(org.officer(), carrier, copy, "RETRIEVED_FROM_ARCHIVE", Map.of("personId", org.custodian(),
                "place", "机要室")).andExpect(status().isCreated());
        assertThat(api.state(copy).get("status")).isEqualTo("LIVE");
    }

    @Test
    void anArchivedCopyIsDestroyedThroughTheBatchList() throws Exception {
        listForDestruction(copies).andExpect(status().isCreated()).andExpect(jsonPath("$.state").value("PENDING"));
        long list = lastList();
        api.post(archivist, carrier, copies.get(0), "RETRIEVED_FROM_ARCHIVE", Map.of("personId", org.custodian(),
                "place", "机要室")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", containsString("第 " + list + " 号销毁清单")));
        TestUsers.signIn(org.officer());
        try {
            approvals.approve(approvalOf(list), null);
        } finally {
            TestUsers.signOut();
        }
        mvc.perform(post("/api/carriers/destruction-lists/" + list + "/completion").with(as(office))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"body\":\"市国家秘密载体销毁中心\",\"certificateNumber\":\"XH-2026-009\",\"certificateDate\":\""
                                + LocalDate.now() + "\",\"destroyerId\":" + org.colleague() + ",\"witnessId\":"
                                + org.custodian() + "}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("COMPLETED"));
        for (long copy : copies) {
            assertThat(api.state(copy).get("status")).isEqualTo("DESTROYED");
            assertThat(api.events(copy, EventType.DESTROYED)).isEqualTo(1);
        }
        api.post(archivist, carrier, copies.get(0), "RETRIEVED_FROM_ARCHIVE", Map.of("personId", org.custodian(),
                "place", "机要室")).andExpect(status().isUnprocessableContent());
    }

    @Test
    void theDestructionPageOffersArchivedCopiesOnTheirOwnTab() throws Exception {
        String ledgerNumber = jdbc.sql("select ledger_number from carrier_copies where id = ?").param(copies.get(0))
                .query(String.class).single();
        mvc.perform(get("/carriers/destruction").with(as(org.officer()))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString(ledgerNumber))));
        mvc.perform(get("/carriers/destruction?status=ARCHIVED").with(as(org.officer()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"" + copies.get(0) + "\"")))
                .andExpect(content().string(containsString(ledgerNumber)));
    }

    @Test
    void theCarrierPageOffersTheArchiveKeeperToTakeTheCopyOut() throws Exception {
        mvc.perform(get("/carriers/" + carrier).with(as(archivist))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"retrieve-" + copies.get(0) + "\"")))
                .andExpect(content().string(containsString("调档出档")));
        mvc.perform(post("/carriers/" + carrier + "/events").with(as(archivist))
                        .with(csrf())
                        .param("copyId", String.valueOf(copies.get(1))).param("type", "RETRIEVED_FROM_ARCHIVE")
                        .param("personId", String.valueOf(org.colleague())).param("place", "机要室"))
                .andExpect(status().is3xxRedirection());
        assertThat(api.state(copies.get(1)).get("status")).isEqualTo("LIVE");
    }

    private ResultActions listForDestruction(List<Long> ids) throws Exception {
        return mvc.perform(post("/api/carriers/destruction-lists").with(as(office))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"copyIds\":[" + ids.stream().map(String::valueOf).collect(Collectors.joining(","))
                        + "],\"reason\":\"归档期满，无保存价值\"}"));
    }

    private long lastList() {
        return jdbc.sql("""
                select max(l.id) from destruction_lists l join destruction_list_copies lc on lc.list_id = l.id
                where lc.copy_id = ?""").param(copies.get(0)).query(Long.class).single();
    }

    private long approvalOf(long list) {
        return jdbc.sql("select approval_id from destruction_lists where id = ?").param(list).query(Long.class).single();
    }
}
