package cn.baomi.server.carrier;

import static cn.baomi.server.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ContentDisposition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.baomi.server.organization.OrganizationSetup;
import cn.baomi.server.shared.ClearanceLevel;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.Role;
import cn.baomi.server.support.BaomiTest;
import cn.baomi.server.support.TestUsers;

/** Exporting the filtered ledger to .xlsx: only what the viewer may see, with the list's filters, audited. */
@BaomiTest
class LedgerExportTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    OrganizationSetup organization;
    @Autowired
    CarrierService carriers;
    @Autowired
    JdbcClient jdbc;

    CarrierFixtures.Org org;
    String batch;

    /** One carrier of each level, scoped to the department, titled with a common batch name. */
    @BeforeEach
    void threeCarriers() {
        CarrierFixtures fixtures = new CarrierFixtures(organization, carriers);
        org = fixtures.org();
        batch = CarrierFixtures.uniqueTitle("导出");
        for (SecretLevel level : SecretLevel.values()) {
            fixtures.carrier(org, level, batch + "-" + level.name());
        }
    }

    @Test
    void exportShowsOnlyWhatTheViewerMaySee() throws Exception {
        assertThat(exportedTitles(org.officer())).as("the secrecy office keeps the whole ledger")
                .containsExactlyInAnyOrder(title(SecretLevel.TOP_SECRET), title(SecretLevel.SECRET),
                        title(SecretLevel.CONFIDENTIAL));
        assertThat(exportedTitles(org.as(org.inside().get(ClearanceLevel.GENERAL), Role.STAFF)))
                .as("a general clearance inside the scope sees 秘密 only").containsExactly(title(SecretLevel.CONFIDENTIAL));
        assertThat(exportedTitles(org.as(org.inside().get(ClearanceLevel.IMPORTANT), Role.DEPARTMENT_HEAD)))
                .containsExactlyInAnyOrder(title(SecretLevel.SECRET), title(SecretLevel.CONFIDENTIAL));
        assertThat(exportedTitles(org.as(org.outside().get(ClearanceLevel.CORE), Role.UNIT_LEADER)))
                .as("outside the scope nothing, whatever the clearance").isEmpty();
        assertThat(exportedTitles(org.as(org.inside().get(ClearanceLevel.CORE), Role.SUPERVISOR)))
                .as("the supervisor sees no ledger contents").isEmpty();
        assertThat(exportedTitles(TestUsers.user(org.sibling(), org.siblingPerson(), Role.SECRECY_OFFICER)))
                .as("another unit's secrecy office").isEmpty();
    }

    @Test
    void exportKeepsTheFiltersOfTheList() throws Exception {
        byte[] xlsx = mvc.perform(get("/api/carriers/export.xlsx").param("q", batch).param("level", "SECRET")
                        .with(as(org.officer())))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", LedgerFilePages.XLSX))
                .andReturn().getResponse().getContentAsByteArray();
        List<List<String>> rows = Workbooks.read(xlsx);
        assertThat(rows.get(0)).startsWith("台账编号", "标题", "文号", "密级");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).get(1)).isEqualTo(title(SecretLevel.SECRET));
        assertThat(rows.get(1).get(3)).isEqualTo("机密");
        String name = jdbc.sql("select name from persons where id = ?").param(org.custodian()).query(String.class).single();
        assertThat(rows.get(1)).contains(name, "在册", "000001");
    }

    /** Downloads are named for what they are and the day, in Chinese, as the personnel roster's. */
    @Test
    void downloadsAreNamedForWhatTheyAreAndTheDay() throws Exception {
        String disposition = mvc.perform(get("/carriers/export.xlsx").param("q", batch).with(as(org.officer())))
                .andExpect(status().isOk()).andReturn().getResponse().getHeader("Content-Disposition");
        assertThat(ContentDisposition.parse(disposition).getFilename())
                .isEqualTo("涉密载体台账-" + LocalDate.now() + ".xlsx");
        disposition = mvc.perform(get("/carriers/import/template.xlsx").with(as(org.officer())))
                .andExpect(status().isOk()).andReturn().getResponse().getHeader("Content-Disposition");
        assertThat(ContentDisposition.parse(disposition).getFilename())
                .isEqualTo("涉密载体台账导入模板.xlsx");
    }

    @Test
    void exportIsAudited() throws Exception {
        CurrentUser officer = org.officer();
        mvc.perform(get("/carriers/export.xlsx").param("q", batch).with(as(officer))).andExpect(status().isOk());
        List<String> details = jdbc.sql("select detail from audit_events where action = 'CARRIER_EXPORTED' and actor = ?")
                .param(officer.username()).query(String.class).list();
        assertThat(details).hasSize(1);
        assertThat(details.get(0)).contains("rows=3", "text=true").doesNotContain(batch);
    }

    @Test
    void theListPageOffersExportAndPrintWithItsFilters() throws Exception {
        String page = mvc.perform(get("/carriers").param("level", "SECRET").with(as(org.officer())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("/carriers/export.xlsx?level=SECRET", "/carriers/ledger.pdf?level=SECRET",
                "/carriers/import");
        String staff = mvc.perform(get("/carriers").with(as(org.as(org.custodian(), Role.STAFF))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(staff).contains("/carriers/export.xlsx").doesNotContain("/carriers/import");
        byte[] xlsx = mvc.perform(get("/carriers/export.xlsx").param("level", "").param("q", batch)
                .with(as(org.officer()))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(Workbooks.read(xlsx)).hasSize(4);
    }

    @Test
    void exportAsksForAnAccount() throws Exception {
        mvc.perform(get("/api/carriers/export.xlsx")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/carriers/export.xlsx").with(as(TestUsers.administrator(Role.SYSTEM_ADMIN))))
                .andExpect(status().isForbidden());
    }

    private List<String> exportedTitles(CurrentUser user) throws Exception {
        byte[] xlsx = mvc.perform(get("/api/carriers/export.xlsx").param("q", batch).with(as(user)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        return Workbooks.read(xlsx).stream().skip(1).map(r -> r.get(1)).toList();
    }

    private String title(SecretLevel level) {
        return batch + "-" + level.name();
    }
}
