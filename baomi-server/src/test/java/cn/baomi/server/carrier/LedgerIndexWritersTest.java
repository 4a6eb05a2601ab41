package cn.baomi.server.carrier;

import static cn.baomi.server.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import cn.baomi.server.approval.ApprovalService;
import cn.baomi.server.organization.OrganizationSetup;
import cn.baomi.server.shared.ClearanceLevel;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.Role;
import cn.baomi.server.support.BaomiTest;
import cn.baomi.server.support.TestUsers;

/**
 * Every way a carrier or a copy comes into being writes the text search's index (carrier_search_grams) in its own
 * transaction: registering (API; the page and the demo go through the same service), importing, copies made with
 * approval and compilations. Each is found by its text right after, and the index holds every piece of its texts.
 */
@BaomiTest
class LedgerIndexWritersTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    OrganizationSetup organization;
    @Autowired
    CarrierService carriers;
    @Autowired
    CarrierSetup setup;
    @Autowired
    ApprovalService approvals;
    @Autowired
    JdbcClient jdbc;

    CarrierFixtures fixtures;
    CarrierFixtures.Org org;

    @BeforeEach
    void anOrganisation() {
        fixtures = new CarrierFixtures(organization, carriers);
        org = fixtures.org();
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void aCarrierRegisteredThroughTheApiIsFoundAtOnce() throws Exception {
        String title = CarrierFixtures.uniqueTitle("接口登记");
        mvc.perform(post("/api/carriers").with(as(org.officer())).contentType(MediaType.APPLICATION_JSON).content("""
                {"type":"PAPER","title":"%s","documentNumber":"DOC-%s","level":"SECRET","durationKind":"DEFAULT",
                 "copies":2,"custodianId":%d,"place":"机要室","scopeDepartmentIds":[%d]}"""
                .formatted(title, title, org.custodian(), org.department()))).andExpect(status().isCreated());
        long carrier = carrierTitled(title);
        assertIndexed(carrier, title, 2);
        assertThat(found("doc-" + title.toLowerCase())).isEqualTo(2);
    }

    @Test
    void aCarrierOfTheDemoSetupIsFoundAtOnce() {
        String title = CarrierFixtures.uniqueTitle("演示登记");
        TestUsers.signIn(org.officer());
        long carrier = setup.registerPaper(org.unit(), title, "演示〔2026〕1号", "CONFIDENTIAL", 1, org.custodian(), "机要室",
                org.department());
        TestUsers.signOut();
        assertIndexed(carrier, title, 1);
    }

    @Test
    void anImportedCarrierIsFoundAtOnce() throws Exception {
        String custodian = jdbc.sql("select name from persons where id = ?").param(org.custodian()).query(String.class).single();
        String title = CarrierFixtures.uniqueTitle("导入检索");
        mvc.perform(multipart("/api/carriers/import").file(new MockMultipartFile("file", "台账.xlsx", LedgerFilePages.XLSX,
                        Workbooks.ledger(List.of(Workbooks.row(title, "秘密", "", "3", custodian, "本单位")))))
                .with(as(org.officer()))).andExpect(status().isOk());
        assertIndexed(carrierTitled(title), title, 3);
    }

    @Test
    void copiesMadeWithApprovalAreFoundByTheirLedgerNumbers() throws Exception {
        String title = CarrierFixtures.uniqueTitle("复制检索");
        long carrier = fixtures.carrier(org, SecretLevel.SECRET, title);
        CurrentUser requester = org.as(org.inside().get(ClearanceLevel.CORE), Role.STAFF);
        mvc.perform(post("/api/carriers/" + carrier + "/copy-requests").with(as(requester))
                .contentType(MediaType.APPLICATION_JSON).content("{\"count\":2,\"reason\":\"会议传达需要\"}"))
                .andExpect(status().isCreated());
        long request = jdbc.sql("select max(id) from copy_requests where carrier_id = ?").param(carrier)
                .query(Long.class).single();
        new Approvers(approvals, jdbc, org).approveAll(jdbc.sql("select approval_id from copy_requests where id = ?")
                .param(request).query(Long.class).single());
        List<String> numbers = jdbc.sql("select ledger_number from carrier_copies where carrier_id = ? order by copy_number")
                .param(carrier).query(String.class).list();
        assertThat(numbers).hasSize(3);
        assertIndexed(carrier, title, 3);
        for (String number : numbers) {
            assertThat(found(number)).as("the copy numbered %s", number).isEqualTo(1);
        }
    }

    @Test
    void aCompilationIsFoundByItsTitle() throws Exception {
        long a = fixtures.carrier(org, SecretLevel.SECRET, CarrierFixtures.uniqueTitle("汇编来源甲"));
        long b = fixtures.carrier(org, SecretLevel.SECRET, CarrierFixtures.uniqueTitle("汇编来源乙"));
        CurrentUser custodian = org.as(org.custodian(), Role.STAFF);
        String title = CarrierFixtures.uniqueTitle("汇编检索");
        String sourceNumber = jdbc.sql("select ledger_number from carrier_copies where carrier_id = ?").param(b)
                .query(String.class).single();
        new CopyApi(mvc, jdbc).post(custodian, a, CarrierFixtures.copyIds(jdbc, a).get(0), "COMPILATION_REQUESTED",
                Map.of("compilationKind", "COMPILATION", "title", title, "count", 2, "note", "年度汇编",
                        "sourceLedgerNumbers", sourceNumber)).andExpect(status().isCreated());
        long request = jdbc.sql("select max(id) from compilation_requests where unit_id = ?").param(org.unit())
                .query(Long.class).single();
        new Approvers(approvals, jdbc, org).approveAll(jdbc.sql("select approval_id from compilation_requests where id = ?")
                .param(request).query(Long.class).single());
        long made = jdbc.sql("select result_carrier_id from compilation_requests where id = ?").param(request)
                .query(Long.class).single();
        assertIndexed(made, title, 2);
    }

    /** Found by its title with all its copies, and no piece of its texts missing from the index. */
    private void assertIndexed(long carrier, String title, int copies) throws AssertionError {
        try {
            assertThat(found(title)).as("copies found by the title").isEqualTo(copies);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThat(jdbc.sql("""
                select distinct substring(t.s, n.i, 2) from (
                    select lower(title) as s from carriers where id = :id
                    union all select lower(document_number) from carriers where id = :id and document_number is not null
                    union all select lower(ledger_number) from carrier_copies where carrier_id = :id) t
                join generate_series(1, 600) as n(i) on n.i < char_length(t.s)
                except select gram from carrier_search_grams where carrier_id = :id""").param("id", carrier)
                .query(String.class).list()).as("pieces of the carrier's texts missing from the index").isEmpty();
    }

    private int found(String q) throws Exception {
        String body = mvc.perform(get("/api/carriers").param("q", q).with(as(org.officer()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.total");
    }

    private long carrierTitled(String title) {
        return jdbc.sql("select id from carriers where title = ?").param(title).query(Long.class).single();
    }
}
