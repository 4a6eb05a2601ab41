package cn.baomi.server.carrier;

import static cn.baomi.server.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
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

/** Destruction through an approved list, handed to the destruction body with a witness (domain.md §4 rule 10, §16). */
@BaomiTest
class DestructionListTest {

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
    CurrentUser office;
    CurrentUser custodian;

    /** A 秘密 carrier in two copies; the secrecy office's account is linked to a person without a department. */
    @BeforeEach
    void aCarrierInTwoCopies() {
        CarrierFixtures fixtures = new CarrierFixtures(organization, carriers);
        org = fixtures.org();
        api = new CopyApi(mvc, jdbc);
        carrier = fixtures.carrier(org, SecretLevel.CONFIDENTIAL, CarrierFixtures.uniqueTitle("销毁"),
                List.of(new CarrierScopes.Entry(ScopeKind.DEPARTMENT, org.department())), 2);
        copies = CarrierFixtures.copyIds(jdbc, carrier);
        office = TestUsers.user(org.unit(), fixtures.personIn(org, null, null, ClearanceLevel.CORE), Role.SECRECY_OFFICER);
        custodian = org.as(org.custodian(), Role.STAFF);
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void destroyedCopyTakesNoFurtherEvent() throws Exception {
        long list = approvedList(copies);
        complete(list, org.custodian(), org.colleague()).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("COMPLETED"));

        for (long copy : copies) {
            assertThat(api.state(copy).get("status")).isEqualTo("DESTROYED");
            assertThat(api.events(copy, EventType.DESTROYED)).isEqualTo(1);
            assertThat(api.audited("COPY_DESTROYED", copy)).isEqualTo(1);
        }
        long copy = copies.get(0);
        api.post(custodian, carrier, copy, "LENT", Map.of("personId", org.colleague(),
                "dueDate", LocalDate.now().plusDays(3).toString())).andExpect(status().isUnprocessableContent());
        api.post(office, carrier, copy, "SENT", Map.of("channel", "CONFIDENTIAL_COURIER", "counterpart", "市保密局"))
                .andExpect(status().isUnprocessableContent());
        listForDestruction(List.of(copy)).andExpect(status().isUnprocessableContent());
        assertThat(jdbc.sql("select count(*) from copy_events where copy_id = ?").param(copy).query(Long.class).single())
                .isEqualTo(2);
    }

    @Test
    void lentCopyCannotBeListedForDestruction() throws Exception {
        api.post(custodian, carrier, copies.get(0), "LENT", Map.of("personId", org.colleague(),
                "dueDate", LocalDate.now().plusDays(3).toString())).andExpect(status().isCreated());

        listForDestruction(copies).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("copyIds"));
        assertThat(lists()).isZero();
    }

    @Test
    void destructionNeedsApprovalFirst() throws Exception {
        listForDestruction(copies).andExpect(status().isCreated()).andExpect(jsonPath("$.state").value("PENDING"));
        long list = lastList();
        complete(list, org.custodian(), org.colleague()).andExpect(status().isUnprocessableContent());

        TestUsers.signIn(org.officer());
        approvals.reject(approvalOf(list), "仍需留存");
        TestUsers.signOut();
        complete(list, org.custodian(), org.colleague()).andExpect(status().isUnprocessableContent());

        for (long copy : copies) {
            assertThat(api.state(copy).get("status")).isEqualTo("LIVE");
            assertThat(api.events(copy, EventType.DESTROYED)).isZero();
        }
        assertThat(jdbc.sql("select state from destruction_lists where id = ?").param(list).query(String.class).single())
                .isEqualTo("REFUSED");
    }

    @Test
    void destructionNeedsAWitnessOtherThanTheDestroyer() throws Exception {
        long list = approvedList(copies);
        complete(list, org.custodian(), org.custodian()).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("witnessId"));
        complete(list, org.custodian(), null).andExpect(status().isUnprocessableContent());

        assertThat(api.state(copies.get(0)).get("status")).isEqualTo("LIVE");
        assertThat(jdbc.sql("select state from destruction_lists where id = ?").param(list).query(String.class).single())
                .isEqualTo("APPROVED");
        complete(list, org.custodian(), org.colleague()).andExpect(status().isOk());
    }

    @Test
    void completedDestructionListIsReadOnly() throws Exception {
        long list = approvedList(copies);
        complete(list, org.custodian(), org.colleague()).andExpect(status().isOk());

        mvc.perform(post("/api/carriers/destruction-lists/" + list + "/completion").with(as(office))
                .contentType(MediaType.APPLICATION_JSON).content(completion("其他机构", "XH-9999", org.colleague(),
                        org.custodian()))).andExpect(status().isUnprocessableContent());

        Map<String, Object> row = jdbc.sql("select destruction_body, certificate_number, destroyer_id, witness_id "
                + "from destruction_lists where id = ?").param(list).query().singleRow();
        assertThat(row.get("destruction_body")).isEqualTo("市国家秘密载体销毁中心");
        assertThat(row.get("certificate_number")).isEqualTo("XH-2026-001");
        assertThat(((Number) row.get("destroyer_id")).longValue()).isEqualTo(org.custodian());
        assertThat(((Number) row.get("witness_id")).longValue()).isEqualTo(org.colleague());
    }

    @Test
    void aListedCopyNoLongerLiveMustComeBackBeforeTheDestruction() throws Exception {
        long list = approvedList(copies);
        api.post(custodian, carrier, copies.get(1), "LENT", Map.of("personId", org.colleague(),
                "dueDate", LocalDate.now().plusDays(3).toString())).andExpect(status().isUnprocessableContent());
        api.setStatus(copies.get(1), CopyStatus.LENT); // as if moved by a path that forgot the listing

        complete(list, org.custodian(), org.colleague()).andExpect(status().isUnprocessableContent());
        assertThat(api.state(copies.get(0)).get("status")).isEqualTo("LIVE");
        assertThat(jdbc.sql("select state from destruction_lists where id = ?").param(list).query(String.class).single())
                .isEqualTo("APPROVED");

        api.setStatus(copies.get(1), CopyStatus.LIVE);
        complete(list, org.custodian(), org.colleague()).andExpect(status().isOk());
    }

    @Test
    void onlyTheSecrecyOfficeBuildsDestructionLists() throws Exception {
        mvc.perform(post("/api/carriers/destruction-lists").with(as(custodian)).contentType(MediaType.APPLICATION_JSON)
                .content(listJson(copies))).andExpect(status().isForbidden());
        mvc.perform(get("/carriers/destruction").with(as(custodian))).andExpect(status().isForbidden());
        assertThat(lists()).isZero();
    }

    @Test
    void theDestructionPagesShowListsAndTheCompletionForm() throws Exception {
        mvc.perform(get("/carriers/destruction").with(as(office))).andExpect(status().isOk())
                .andExpect(content().string(containsString("编制销毁清单")));
        long list = approvedList(copies);
        mvc.perform(get("/carriers/destruction/" + list).with(as(office))).andExpect(status().isOk())
                .andExpect(content().string(containsString("已批准，待销毁")))
                .andExpect(content().string(containsString("completion-form")));
        complete(list, org.custodian(), org.colleague()).andExpect(status().isOk());
        mvc.perform(get("/carriers/destruction/" + list).with(as(office))).andExpect(status().isOk())
                .andExpect(content().string(containsString("XH-2026-001")))
                .andExpect(content().string(not(containsString("completion-form"))));
    }

    private long approvedList(List<Long> ids) throws Exception {
        listForDestruction(ids).andExpect(status().isCreated());
        long list = lastList();
        TestUsers.signIn(org.officer());
        try {
            approvals.approve(approvalOf(list), null);
        } finally {
            TestUsers.signOut();
        }
        return list;
    }

    private ResultActions listForDestruction(List<Long> ids) throws Exception {
        return mvc.perform(post("/api/carriers/destruction-lists").with(as(office)).contentType(MediaType.APPLICATION_JSON)
                .content(listJson(ids)));
    }

    private ResultActions complete(long list, Long destroyer, Long witness) throws Exception {
        return mvc.perform(post("/api/carriers/destruction-lists/" + list + "/completion").with(as(office))
                .contentType(MediaType.APPLICATION_JSON)
                .content(completion("市国家秘密载体销毁中心", "XH-2026-001", destroyer, witness)));
    }

    private static String listJson(List<Long> ids) {
        return "{\"copyIds\":[" + ids.stream().map(String::valueOf).collect(Collectors.joining(","))
                + "],\"reason\":\"已过保密期限，无保存价值\"}";
    }

    private static String completion(String body, String certificate, Long destroyer, Long witness) {
        return "{\"body\":\"" + body + "\",\"certificateNumber\":\"" + certificate + "\",\"certificateDate\":\""
                + LocalDate.now() + "\",\"destroyerId\":" + destroyer + ",\"witnessId\":" + witness + "}";
    }

    private long lastList() {
        return jdbc.sql("""
                select max(l.id) from destruction_lists l join destruction_list_copies lc on lc.list_id = l.id
                where lc.copy_id = ?""").param(copies.get(0)).query(Long.class).single();
    }

    private long approvalOf(long list) {
        return jdbc.sql("select approval_id from destruction_lists where id = ?").param(list).query(Long.class).single();
    }

    private long lists() {
        return jdbc.sql("select count(*) from destruction_list_copies where copy_id in (?, ?)")
                .params(copies.get(0), copies.get(1)).query(Long.class).single();
    }
}
