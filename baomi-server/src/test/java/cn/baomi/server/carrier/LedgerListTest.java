package cn.baomi.server.carrier;

import static cn.baomi.server.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.baomi.server.organization.OrganizationSetup;
import cn.baomi.server.support.BaomiTest;

/** The ledger list's filters and paging, in the API and the page. */
@BaomiTest
class LedgerListTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    OrganizationSetup organization;
    @Autowired
    CarrierService carriers;
    @Autowired
    JdbcClient jdbc;

    CarrierFixtures.Org org;
    long topSecret;
    long secret;
    String secretTitle;

    @BeforeEach
    void twoCarriers() {
        CarrierFixtures fixtures = new CarrierFixtures(organization, carriers);
        org = fixtures.org();
        topSecret = fixtures.carrier(org, SecretLevel.TOP_SECRET, CarrierFixtures.uniqueTitle("绝密会议纪要"),
                List.of(new CarrierScopes.Entry(ScopeKind.UNIT, org.unit())), 3);
        secretTitle = CarrierFixtures.uniqueTitle("机密规划草案");
        secret = fixtures.carrier(org, SecretLevel.SECRET, secretTitle,
                List.of(new CarrierScopes.Entry(ScopeKind.UNIT, org.unit())), 1);
    }

    @Test
    void theListFiltersByLevelTypeStatusCustodianAndText() throws Exception {
        mvc.perform(get("/api/carriers").param("level", "TOP_SECRET").with(as(org.officer())))
                .andExpect(jsonPath("$.total").value(3)).andExpect(jsonPath("$.items[0].level").value("TOP_SECRET"));
        mvc.perform(get("/api/carriers").param("type", "OPTICAL").with(as(org.officer())))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/carriers").param("q", "规划草案").with(as(org.officer())))
                .andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].title").value(secretTitle));
        String documentNumber = jdbc.sql("select document_number from carriers where id = ?").param(secret)
                .query(String.class).single();
        mvc.perform(get("/api/carriers").param("q", documentNumber).with(as(org.officer())))
                .andExpect(jsonPath("$.total").value(1));
        mvc.perform(get("/api/carriers").param("q", "%").with(as(org.officer()))).andExpect(jsonPath("$.total").value(0));
        CopyApi api = new CopyApi(mvc, jdbc);
        long copy = CarrierFixtures.copyIds(jdbc, secret).get(0);
        api.post(org.officer(), secret, copy, "HANDOVER_REQUESTED", Map.of("personId", org.colleague()))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/carriers").param("status", "HANDOVER_PENDING").with(as(org.officer())))
                .andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].copyId").value(copy));
        mvc.perform(get("/api/carriers").param("custodianId", String.valueOf(org.colleague())).with(as(org.officer())))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/carriers").param("custodianId", String.valueOf(org.custodian())).with(as(org.officer())))
                .andExpect(jsonPath("$.total").value(4));
        String page = mvc.perform(get("/carriers").param("level", "SECRET").with(as(org.officer())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(secretTitle).doesNotContain("绝密会议纪要");
    }

    @Test
    void theListIsPaged() throws Exception {
        mvc.perform(get("/api/carriers").param("size", "2").with(as(org.officer())))
                .andExpect(jsonPath("$.total").value(4)).andExpect(jsonPath("$.items.length()").value(2));
        mvc.perform(get("/api/carriers").param("size", "2").param("page", "1").with(as(org.officer())))
                .andExpect(jsonPath("$.items.length()").value(2));
        mvc.perform(get("/api/carriers").param("size", "2").param("page", "2").with(as(org.officer())))
                .andExpect(jsonPath("$.items.length()").value(0));
        mvc.perform(get("/api/carriers").param("level", "NOPE").with(as(org.officer()))).andExpect(status().isBadRequest());
    }

    /** A page past the end (an old link, a number typed by hand) goes to the last page, keeping the filters. */
    @Test
    void aPagePastTheEndGoesToTheLastPage() throws Exception {
        mvc.perform(get("/carriers").param("level", "SECRET").param("page", "99").with(as(org.officer())))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/carriers?level=SECRET&page=0"));
        mvc.perform(get("/carriers").param("level", "SECRET").param("page", "0").with(as(org.officer())))
                .andExpect(status().isOk());
    }

    @Test
    void theCountStopsAtTheLimitAndSaysThereAreMore() throws Exception {
        jdbc.sql("""
                insert into carrier_copies (carrier_id, unit_id, copy_number, ledger_number, custodian_id, place, status, version)
                select ?, ?, g.i + 1, 'COUNT-' || g.i, ?, '档案室', 'LIVE', 0 from generate_series(1, ?) as g(i)""")
                .params(secret, org.unit(), org.custodian(), Ledger.COUNT_LIMIT).update();
        mvc.perform(get("/api/carriers").with(as(org.officer())))
                .andExpect(jsonPath("$.total").value(Ledger.COUNT_LIMIT)).andExpect(jsonPath("$.more").value(true))
                .andExpect(jsonPath("$.items.length()").value(LedgerQuery.DEFAULT_SIZE));
        mvc.perform(get("/api/carriers").param("level", "TOP_SECRET").with(as(org.officer())))
                .andExpect(jsonPath("$.total").value(3)).andExpect(jsonPath("$.more").value(false));
        String page = mvc.perform(get("/carriers").with(as(org.officer())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("超过 " + Ledger.COUNT_LIMIT + " 份");
        byte[] xlsx = mvc.perform(get("/api/carriers/export.xlsx").with(as(org.officer())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(Workbooks.read(xlsx)).as("the export still counts and writes every row")
                .hasSize(1 + 4 + Ledger.COUNT_LIMIT);
    }
}
