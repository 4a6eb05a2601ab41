package cn.baomi.server.carrier;

import static cn.baomi.server.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
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
 * The yearly inventory (清查, domain.md §4, issue 4 item 6) through {@code /api/carriers/inventories}: a snapshot of
 * the held copies, confirmations by their custodians, the result, and closing, which reports the missing copies lost.
 */
@BaomiTest
class InventoryTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    OrganizationSetup organization;
    @Autowired
    CarrierService carriers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    cn.baomi.server.approval.ApprovalService approvals;

    CarrierFixtures.Org org;
    CopyApi api;
    long carrier;
    List<Long> copies;
    CurrentUser custodian;
    CurrentUser colleague;

    /** Three copies held by the custodian, one of them handed to the colleague. */
    @BeforeEach
    void threeCopiesOfTheUnit() {
        CarrierFixtures fixtures = new CarrierFixtures(organization, carriers);
        org = fixtures.org();
        api = new CopyApi(mvc, jdbc);
        carrier = fixtures.carrier(org, SecretLevel.SECRET, CarrierFixtures.uniqueTitle("清查"),
                List.of(new CarrierScopes.Entry(ScopeKind.DEPARTMENT, org.department())), 3);
        copies = CarrierFixtures.copyIds(jdbc, carrier);
        jdbc.sql("update carrier_copies set custodian_id = ? where id = ?").params(org.colleague(), copies.get(2)).update();
        custodian = org.as(org.custodian(), Role.STAFF);
        colleague = org.as(org.colleague(), Role.STAFF);
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void openingSnapshotsTheHeldCopiesOfTheUnit() throws Exception {
        api.post(custodian, carrier, copies.get(1), "SENT", Map.of("channel", "BY_HAND", "counterpart", "市委办"))
                .andExpect(status().isCreated());
        long id = open(org.officer());
        mvc.perform(get("/api/carriers/inventories/" + id).with(as(org.officer()))).andExpect(status().isOk())
                .andExpect(jsonPath("$.inventory.state").value("OPEN"))
                .andExpect(jsonPath("$.missing", hasSize(2)))
                .andExpect(jsonPath("$.confirmed", hasSize(0)));
        assertThat(jdbc.sql("select copy_id from inventory_items where inventory_id = ? order by copy_id").param(id)
                .query(Long.class).list()).containsExactly(copies.get(0), copies.get(2));
        assertThat(audited("INVENTORY_OPENED", id)).isEqualTo(1);
        assertThat(audited("INVENTORY_VIEWED", id)).as("the answer to opening and the GET show the result").isEqualTo(2);
    }

    @Test
    void oneOpenInventoryPerUnitAtATime() throws Exception {
        open(org.officer());
        openRequest(org.officer(), null).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("该单位已有一次进行中的清查，请先结束它"));
    }

    @Test
    void onlyTheSecrecyOfficeOpensReadsAndClosesAnInventory() throws Exception {
        for (Role role : List.of(Role.STAFF, Role.DEPARTMENT_HEAD, Role.UNIT_LEADER, Role.CLASSIFICATION_AUTHORITY)) {
            openRequest(org.as(org.custodian(), role), null).andExpect(status().isForbidden());
        }
        openRequest(TestUsers.user(org.unit(), null, Role.SUPERVISOR), null).andExpect(status().isForbidden());
        openRequest(TestUsers.administrator(Role.SYSTEM_ADMIN), org.unit()).andExpect(status().isForbidden());
        CurrentUser siblingOffice = TestUsers.user(org.sibling(), null, Role.SECRECY_OFFICER);
        openRequest(siblingOffice, org.unit()).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("unitId"));
        long id = open(org.officer());
        mvc.perform(get("/api/carriers/inventories/" + id).with(as(custodian))).andExpect(status().isForbidden());
        mvc.perform(post("/api/carriers/inventories/" + id + "/closing").with(as(custodian))).andExpect(status().isForbidden());
        mvc.perform(get("/api/carriers/inventories/" + id).with(as(siblingOffice))).andExpect(status().isNotFound());
        mvc.perform(post("/api/carriers/inventories/" + id + "/closing").with(as(siblingOffice)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/carriers/inventories/" + id).with(as(custodian))).andExpect(status().isForbidden());
        mvc.perform(get("/carriers/inventories").with(as(custodian))).andExpect(status().isForbidden());
        CurrentUser bureauOffice = TestUsers.user(org.bureau(), null, Role.SECRECY_OFFICER);
        mvc.perform(get("/api/carriers/inventories/" + id).with(as(bureauOffice))).andExpect(status().isOk());
        assertThat(state(id)).isEqualTo("OPEN");
    }

    @Test
    void custodianConfirmsOnlyCopiesTheyHold() throws Exception {
        long id = open(org.officer());
        String mine = ledgerNumber(copies.get(0));
        String theirs = ledgerNumber(copies.get(2));
        confirm(custodian, id, "  " + mine.toLowerCase() + "\n").andExpect(status().isOk())
                .andExpect(jsonPath("$[0].outcome").value("CONFIRMED"))
                .andExpect(jsonPath("$[0].ledgerNumber").value(mine))
                .andExpect(jsonPath("$[0].mismatch").doesNotExist());
        confirm(custodian, id, mine).andExpect(status().isOk()).andExpect(jsonPath("$[0].outcome").value("ALREADY_CONFIRMED"));
        confirm(custodian, id, theirs).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("不是您保管的：载体 " + theirs + " 的保管人是其他人，请交由保管人确认"));
        confirm(custodian, id, "NO-SUCH-NUMBER").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("未找到：本次清查中没有台账编号为 NO-SUCH-NUMBER 的在册载体"));
        confirm(custodian, id, " ").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("ledgerNumber"));
        CurrentUser outsider = TestUsers.user(org.sibling(), org.siblingPerson(), Role.STAFF);
        confirm(outsider, id, mine).andExpect(status().isNotFound());
        mvc.perform(get("/api/carriers/inventories/" + id + "/mine").with(as(custodian))).andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[?(@.copyId == " + copies.get(0) + ")].confirmedAt").isNotEmpty());
        assertThat(confirmedBy(id, copies.get(2))).isNull();
        assertThat(jdbc.sql("select count(*) from audit_events where action = 'INVENTORY_CONFIRMED' and target_id = ?")
                .param(String.valueOf(copies.get(0))).query(Long.class).single()).isEqualTo(1);
    }

    /** Scanning a copy one may not see answers like a wrong number: its existence is not told (rule 4). */
    @Test
    void aCopyOutsideTheScannersScopeAnswersLikeAWrongNumber() throws Exception {
        long id = open(org.officer());
        String theirs = ledgerNumber(copies.get(2));
        CurrentUser outsideTheScope = org.as(org.outside().get(ClearanceLevel.CORE), Role.STAFF);
        confirm(outsideTheScope, id, theirs).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("未找到：本次清查中没有台账编号为 " + theirs + " 的在册载体"));
        assertThat(confirmedBy(id, copies.get(2))).isNull();
    }

    @Test
    void custodianConfirmsTickedCopiesAllOrNone() throws Exception {
        long id = open(org.officer());
        confirmCopies(custodian, id, List.of(copies.get(0), copies.get(2))).andExpect(status().isUnprocessableContent());
        assertThat(confirmedBy(id, copies.get(0))).isNull();
        confirmCopies(custodian, id, List.of(copies.get(0), copies.get(1))).andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(2)));
        assertThat(confirmedBy(id, copies.get(0))).isEqualTo(custodian.username());
        assertThat(confirmedBy(id, copies.get(1))).isEqualTo(custodian.username());
    }

    @Test
    void confirmationByTheOfficeOrAtAnotherPlaceIsMismatched() throws Exception {
        long id = open(org.officer());
        confirm(org.officer(), id, ledgerNumber(copies.get(0))).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].mismatch").value("OTHER_PERSON"));
        mvc.perform(post("/api/carriers/inventories/" + id + "/confirmations").with(as(colleague))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"ledgerNumber\":\"" + ledgerNumber(copies.get(2)) + "\",\"place\":\"办公室抽屉\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].mismatch").value("OTHER_PLACE"));
        confirm(custodian, id, ledgerNumber(copies.get(1))).andExpect(status().isOk());
        mvc.perform(get("/api/carriers/inventories/" + id).with(as(org.officer()))).andExpect(status().isOk())
                .andExpect(jsonPath("$.confirmed", hasSize(1)))
                .andExpect(jsonPath("$.confirmed[0].copyId").value(copies.get(1)))
                .andExpect(jsonPath("$.mismatched", hasSize(2)))
                .andExpect(jsonPath("$.mismatched[?(@.copyId == " + copies.get(2) + ")].foundPlace").value("办公室抽屉"))
                .andExpect(jsonPath("$.missing", hasSize(0)));
    }

    @Test
    void closingInventoryReportsMissingCopiesAsLost() throws Exception {
        long id = open(org.officer());
        confirm(custodian, id, ledgerNumber(copies.get(0))).andExpect(status().isOk());
        mvc.perform(post("/api/carriers/inventories/" + id + "/closing").with(as(org.officer())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.inventory.state").value("CLOSED"))
                .andExpect(jsonPath("$.confirmed", hasSize(1)))
                .andExpect(jsonPath("$.missing", hasSize(2)))
                .andExpect(jsonPath("$.missing[*].reportedLost", everyItem(is(true))))
                .andExpect(jsonPath("$.leftLedger", hasSize(0)));
        assertThat(api.state(copies.get(0)).get("status")).isEqualTo("LIVE");
        for (long missing : List.of(copies.get(1), copies.get(2))) {
            assertThat(api.state(missing).get("status")).isEqualTo("LOST");
            assertThat(api.events(missing, EventType.LOST_REPORTED)).isEqualTo(1);
            Map<String, Object> incident = jdbc.sql("select * from incidents where copy_id = ?").param(missing).query()
                    .singleRow();
            assertThat(incident.get("kind")).isEqualTo("CARRIER_LOST");
            assertThat(((Number) incident.get("inventory_id")).longValue()).isEqualTo(id);
            assertThat(incident.get("ledger_number")).isEqualTo(ledgerNumber(missing));
        }
        assertThat(jdbc.sql("select last_custodian_id from incidents where copy_id = ?").param(copies.get(2))
                .query(Long.class).single()).isEqualTo(org.colleague());
        assertThat(audited("INVENTORY_CLOSED", id)).isEqualTo(1);
        confirm(colleague, id, ledgerNumber(copies.get(2))).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("本次清查已结束，不能再确认或结束"));
        mvc.perform(post("/api/carriers/inventories/" + id + "/closing").with(as(org.officer())))
                .andExpect(status().isUnprocessableContent());
        open(org.officer());
    }

    @Test
    void closingDoesNotReportCopiesThatLeftTheLedgerMeanwhile() throws Exception {
        long id = open(org.officer());
        api.post(custodian, carrier, copies.get(1), "SENT", Map.of("channel", "BY_HAND", "counterpart", "市委办"))
                .andExpect(status().isCreated());
        confirm(custodian, id, ledgerNumber(copies.get(1))).andExpect(status().isUnprocessableContent());
        mvc.perform(post("/api/carriers/inventories/" + id + "/closing").with(as(org.officer())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.leftLedger[0].copyId").value(copies.get(1)))
                .andExpect(jsonPath("$.leftLedger[0].currentStatus").value("SENT"));
        assertThat(api.state(copies.get(1)).get("status")).isEqualTo("SENT");
        assertThat(jdbc.sql("select count(*) from incidents where copy_id = ?").param(copies.get(1)).query(Long.class)
                .single()).isZero();
        assertThat(api.state(copies.get(0)).get("status")).isEqualTo("LOST");
    }

    @Test
    void aLendingDuringTheInventoryStillNeedsTheCustodiansConfirmation() throws Exception {
        long id = open(org.officer());
        api.post(custodian, carrier, copies.get(0), "LENT", Map.of("personId", org.colleague(), "dueDate", "2099-01-01"))
                .andExpect(status().isCreated());
        confirm(colleague, id, ledgerNumber(copies.get(0))).andExpect(status().isUnprocessableContent());
        confirm(custodian, id, ledgerNumber(copies.get(0))).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].outcome").value("CONFIRMED"));
    }

    @Test
    void copiesAwayOnALoanOrAnApprovedCarryOutAreListedAwayAndNeverReportedLost() throws Exception {
        String due = java.time.LocalDate.now().plusDays(5).toString();
        api.post(custodian, carrier, copies.get(0), "LENT", Map.of("personId", org.colleague(), "dueDate", due))
                .andExpect(status().isCreated());
        api.post(custodian, carrier, copies.get(1), "CARRY_OUT_REQUESTED", Map.of("counterpart", "省委",
                "dueDate", due, "note", "汇报")).andExpect(status().isCreated());
        long approval = jdbc.sql("select approval_id from carry_out_requests where copy_id = ?").param(copies.get(1))
                .query(Long.class).single();
        new Approvers(approvals, jdbc, org).approveAll(approval);
        api.post(custodian, carrier, copies.get(1), "CARRIED_OUT", Map.of()).andExpect(status().isCreated());
        long id = open(org.officer());
        assertThat(jdbc.sql("select count(*) from inventory_items where inventory_id = ?").param(id).query(Long.class)
                .single()).as("the snapshot counts copies away too").isEqualTo(3);
        mvc.perform(get("/").with(as(custodian))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("载体清查："))));
        mvc.perform(get("/api/carriers/inventories/" + id).with(as(org.officer()))).andExpect(status().isOk())
                .andExpect(jsonPath("$.missing", hasSize(1)))
                .andExpect(jsonPath("$.missing[0].copyId").value(copies.get(2)))
                .andExpect(jsonPath("$.away", hasSize(2)))
                .andExpect(jsonPath("$.away[?(@.copyId == " + copies.get(0) + ")].borrowerId").value((int) org.colleague()))
                .andExpect(jsonPath("$.away[?(@.copyId == " + copies.get(0) + ")].dueDate").value(due))
                .andExpect(jsonPath("$.away[?(@.copyId == " + copies.get(1) + ")].carryOutApprovalId")
                        .value((int) approval))
                .andExpect(jsonPath("$.away[?(@.copyId == " + copies.get(1) + ")].destination").value("省委"));
        mvc.perform(get("/carriers/inventories/" + id).with(as(org.officer()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"away-" + copies.get(0) + "\"")))
                .andExpect(content().string(containsString("借给 同事")))
                .andExpect(content().string(containsString("经批准携带外出至 省委")))
                .andExpect(content().string(containsString("href=\"/approvals/" + approval + "\"")));
        mvc.perform(post("/api/carriers/inventories/" + id + "/closing").with(as(org.officer())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.away", hasSize(2)))
                .andExpect(jsonPath("$.missing", hasSize(1)));
        assertThat(api.state(copies.get(0)).get("status")).isEqualTo("LENT");
        assertThat(api.state(copies.get(1)).get("status")).isEqualTo("CARRIED_OUT");
        assertThat(api.state(copies.get(2)).get("status")).isEqualTo("LOST");
        assertThat(jdbc.sql("select count(*) from incidents where copy_id in (?, ?)").params(copies.get(0), copies.get(1))
                .query(Long.class).single()).isZero();
    }

    @Test
    void anArchivedCopyIsCountedAndConfirmedByTheArchiveKeeper() throws Exception {
        api.post(custodian, carrier, copies.get(0), "ARCHIVED", Map.of("place", "档案室", "personId", org.colleague()))
                .andExpect(status().isCreated());
        api.post(custodian, carrier, copies.get(1), "ARCHIVED", Map.of("place", "档案室", "personId", org.colleague()))
                .andExpect(status().isCreated());
        long id = open(org.officer());
        confirm(custodian, id, ledgerNumber(copies.get(0))).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", containsString("不是您保管的")));
        confirm(colleague, id, ledgerNumber(copies.get(0))).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].outcome").value("CONFIRMED"))
                .andExpect(jsonPath("$[0].mismatch").doesNotExist());
        confirm(colleague, id, ledgerNumber(copies.get(2))).andExpect(status().isOk());
        mvc.perform(post("/api/carriers/inventories/" + id + "/closing").with(as(org.officer())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.confirmed", hasSize(2)))
                .andExpect(jsonPath("$.confirmed[?(@.copyId == " + copies.get(0) + ")].currentStatus").value("ARCHIVED"))
                .andExpect(jsonPath("$.missing", hasSize(1)))
                .andExpect(jsonPath("$.missing[0].copyId").value(copies.get(1)));
        assertThat(api.state(copies.get(0)).get("status")).isEqualTo("ARCHIVED");
        assertThat(api.state(copies.get(1)).get("status")).as("an archived copy nobody confirmed is missing").isEqualTo("LOST");
    }

    private long open(CurrentUser officer) throws Exception {
        String location = openRequest(officer, null).andExpect(status().isCreated()).andReturn().getResponse()
                .getHeader("Location");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private ResultActions openRequest(CurrentUser user, Long unitId) throws Exception {
        return mvc.perform(post("/api/carriers/inventories").with(as(user)).contentType(MediaType.APPLICATION_JSON)
                .content(unitId == null ? "{}" : "{\"unitId\":" + unitId + "}"));
    }

    private ResultActions confirm(CurrentUser user, long id, String ledgerNumber) throws Exception {
        return mvc.perform(post("/api/carriers/inventories/" + id + "/confirmations").with(as(user))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"ledgerNumber\":\"" + ledgerNumber.replace("\n", "\\n") + "\"}"));
    }

    private ResultActions confirmCopies(CurrentUser user, long id, List<Long> copyIds) throws Exception {
        return mvc.perform(post("/api/carriers/inventories/" + id + "/confirmations").with(as(user))
                .contentType(MediaType.APPLICATION_JSON).content("{\"copyIds\":" + copyIds + "}"));
    }

    private String ledgerNumber(long copyId) {
        return jdbc.sql("select ledger_number from carrier_copies where id = ?").param(copyId).query(String.class).single();
    }

    private String confirmedBy(long inventoryId, long copyId) {
        return jdbc.sql("select confirmed_by from inventory_items where inventory_id = ? and copy_id = ?")
                .params(inventoryId, copyId).query().singleRow().get("confirmed_by") instanceof String s ? s : null;
    }

    private String state(long inventoryId) {
        return jdbc.sql("select state from inventories where id = ?").param(inventoryId).query(String.class).single();
    }

    private long audited(String action, long inventoryId) {
        return jdbc.sql("select count(*) from audit_events where action = ? and target_type = 'inventory' and target_id = ?")
                .params(action, String.valueOf(inventoryId)).query(Long.class).single();
    }
}
