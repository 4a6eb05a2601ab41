package cn.baomi.server.carrier;

import static cn.baomi.server.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import cn.baomi.server.organization.OrganizationSetup;
import cn.baomi.server.shared.ClearanceLevel;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.Role;
import cn.baomi.server.support.BaomiTest;
import cn.baomi.server.support.TestUsers;
import db.migration.V71__Carrier_search_grams_of_existing_carriers;

/**
 * The ledger's text search (q) through its index, carrier_search_grams: exactly the copies the {@code like} scan
 * finds, in the same order and count, on tricky texts and on a broad search; and never more than the viewer may see.
 * The index is written by every way a carrier or copy comes into being: {@link LedgerIndexWritersTest}.
 */
@BaomiTest
class LedgerTextSearchTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    OrganizationSetup organization;
    @Autowired
    CarrierService carriers;
    @Autowired
    CarrierAccess access;
    @Autowired
    Ledger ledger;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

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
    void theSearchFindsExactlyWhatTheLikeScanFinds() {
        register("年度预算报告（第一季度）", "发改〔2026〕12号", 2);
        register("ＡＢＣ全角标题", "京ＡＢ〔2025〕7号", 1);
        register("Mixed Case Title X9-β", "ABC-2026-001", 1);
        register("含%百分号_下划线\\反斜杠", null, 1);
        register("ΟΔΟΣ ΣΟΦΙΑ", null, 1);
        register("İstanbul 会议纪要", null, 1);
        register("𠀀𠀁古字 😀 表情", "𠀀字〔2024〕1号", 1);
        register("预", null, 1);
        register("算", "算1", 1);
        String code = jdbc.sql("select code from units where id = ?").param(org.unit()).query(String.class).single();
        String ledgerNumber = jdbc.sql("select max(ledger_number) from carrier_copies where unit_id = ?").param(org.unit())
                .query(String.class).single();
        List<String> texts = new ArrayList<>(List.of("预算", "预算报告", "报告（", "（第一季度）", "abc", "ABC", "ＡＢＣ", "ａｂｃ",
                "全角", "ab", "Ａb", "mixed case", "MIXED CASE", "x9-β", "X9-Β", "9-", "%", "_", "\\", "%百", "_下",
                "\\反", "百分号_", "号_下", "a_c", "a%c", "%%", "οδοσ", "ΟΔΟΣ", "οδος", "σοφ", "ς σ", "istanbul",
                "İstanbul", "i̇stanbul", "İs", "𠀀𠀁", "𠀀𠀁古字", "𠀁古", "😀", "😀 表", " 表情", "预", "算", "a", "1", "2026",
                "〔2026〕", "-2026-", "12号", "算1", "6〕1", "没有这样的标题", "2025〕7", "京ａｂ"));
        texts.add(code);
        texts.add(code.toLowerCase());
        texts.add(ledgerNumber);
        texts.add(ledgerNumber.toLowerCase().substring(1));
        Viewer viewer = access.viewer(org.officer());
        for (String text : texts) {
            LedgerPage<LedgerEntry> found = ledger.search(LedgerQuery.of(null, null, null, null, text, 0, 100), viewer);
            List<Long> scanned = scan(text, viewer, "");
            assertThat(ids(found)).as("q = %s", text).isEqualTo(scanned);
            assertThat(found.total()).as("count of q = %s", text).isEqualTo(scanned.size());
        }
        assertThat(scan("预算", viewer, "")).as("the scan itself finds the title").hasSize(2);
    }

    @Test
    void aBroadSearchCountsAndPagesExactlyAsTheScan() throws Exception {
        String word = "广泛" + CarrierFixtures.uniqueTitle("检索");
        insertDirectly(word, 1_100);
        fillIndex();
        Viewer viewer = access.viewer(org.officer());
        List<Long> all = scan(word, viewer, "");
        assertThat(all).hasSize(1_100);
        // the application's bounds (1,100 candidates listed, all their matches read); the matches read up to 10 and a
        // page sorted from the candidates' copies; a page walked from the newest copies when over 10 candidates; and
        // pieces "too frequent" when held by over 10 carriers
        Ledger sorted = new Ledger(jdbc, new TextSearch(jdbc, new SearchGrams(jdbc), TextSearch.SORTED, 10));
        Ledger walked = new Ledger(jdbc, new TextSearch(jdbc, new SearchGrams(jdbc), 10, TextSearch.MATCHES_READ));
        Ledger frequent = new Ledger(jdbc, new TextSearch(jdbc, new SearchGrams(jdbc, 10)));
        for (Ledger searched : List.of(ledger, sorted, walked, frequent)) {
            for (int page : new int[] {0, 1, 7, 49, 54, 56}) {
                LedgerPage<LedgerEntry> found = searched.search(LedgerQuery.of(null, null, null, null, word, page, 20), viewer);
                assertThat(ids(found)).as("page %d", page)
                        .isEqualTo(all.subList(Math.min(all.size(), page * 20), Math.min(all.size(), page * 20 + 20)));
                assertThat(found.total()).isEqualTo(Ledger.COUNT_LIMIT);
                assertThat(found.more()).isTrue();
            }
            for (String text : List.of(word + "-1", word + "-10", word + "-109", "-10", "t-", word.substring(0, 4) + "%")) {
                LedgerPage<LedgerEntry> found = searched.search(LedgerQuery.of(null, null, null, null, text, 0, 100), viewer);
                List<Long> scanned = scan(text, viewer, "");
                assertThat(ids(found)).as("q = %s", text).isEqualTo(scanned.subList(0, Math.min(100, scanned.size())));
                assertThat(found.total()).as("count of q = %s", text)
                        .isEqualTo(Math.min(scanned.size(), Ledger.COUNT_LIMIT));
            }
            LedgerPage<LedgerEntry> everything = searched.searchCountingAll(
                    LedgerQuery.of(null, null, null, null, word, 10, 100), viewer);
            assertThat(everything.total()).as("exports count every match").isEqualTo(1_100);
            assertThat(ids(everything)).isEqualTo(all.subList(1_000, 1_100));
            LedgerPage<LedgerEntry> lent = searched.search(LedgerQuery.of(null, null, CopyStatus.LENT, null, word, 0, 100),
                    viewer);
            List<Long> scannedLent = scan(word, viewer, " and cp.status = 'LENT'");
            assertThat(ids(lent)).as("with another filter").isEqualTo(scannedLent.subList(0, 100));
            assertThat(lent.total()).isEqualTo(scannedLent.size());
        }
    }

    @Test
    void theSearchOnlyNarrowsWhatTheViewerMaySee() throws Exception {
        String title = CarrierFixtures.uniqueTitle("部门范围检索");
        long carrier = fixtures.carrier(org, SecretLevel.SECRET, title);
        CurrentUser inside = org.as(org.inside().get(ClearanceLevel.IMPORTANT), Role.STAFF);
        CurrentUser tooLow = org.as(org.inside().get(ClearanceLevel.GENERAL), Role.STAFF);
        CurrentUser outside = org.as(org.outside().get(ClearanceLevel.CORE), Role.STAFF);
        CurrentUser siblingOffice = TestUsers.user(org.sibling(), null, Role.SECRECY_OFFICER);
        assertThat(apiTotal(inside, title)).isEqualTo(1);
        assertThat(apiTotal(org.officer(), title)).isEqualTo(1);
        assertThat(apiTotal(tooLow, title)).as("clearance below the level").isZero();
        assertThat(apiTotal(outside, title)).as("outside the scope").isZero();
        assertThat(apiTotal(siblingOffice, title)).as("another unit's secrecy office").isZero();
        String ledgerNumber = jdbc.sql("select ledger_number from carrier_copies where carrier_id = ?").param(carrier)
                .query(String.class).single();
        assertThat(listPage(inside, title)).contains(ledgerNumber);
        assertThat(listPage(outside, title)).doesNotContain(ledgerNumber);
        assertThat(apiTotal(outside, ledgerNumber)).as("by ledger number, outside the scope").isZero();
        assertThat(apiTotal(inside, ledgerNumber)).isEqualTo(1);
    }

    @Test
    void theMigrationIndexesCarriersThatExistedBefore() throws Exception {
        String word = CarrierFixtures.uniqueTitle("迁移前");
        insertDirectly(word, 3);
        Viewer viewer = access.viewer(org.officer());
        LedgerQuery query = LedgerQuery.of(null, null, null, null, word, 0, 100);
        assertThat(ledger.search(query, viewer).total()).as("rows written behind the application are not indexed").isZero();
        fillIndex();
        assertThat(ids(ledger.search(query, viewer))).hasSize(3).isEqualTo(scan(word, viewer, ""));
        fillIndex();
        assertThat(ledger.search(query, viewer).total()).as("a second run changes nothing").isEqualTo(3);
    }

    @Test
    void theIndexCoversEverySearchedColumnToItsFullLength() {
        List<Integer> lengths = jdbc.sql("""
                select character_maximum_length from information_schema.columns
                where table_schema = current_schema and ((table_name = 'carriers' and column_name in ('title', 'document_number'))
                    or (table_name = 'carrier_copies' and column_name = 'ledger_number'))""").query(Integer.class).list();
        assertThat(lengths).as("SearchGrams cuts up to 600 characters: three times the longest column").hasSize(3)
                .allSatisfy(length -> assertThat(length).isLessThanOrEqualTo(200));
    }

    @Test
    void aTextsGramsArePairsOfNeighboursOutsideTheSurrogates() {
        assertThat(SearchGrams.of("预算报告")).containsExactly("预算", "算报", "报告");
        assertThat(SearchGrams.of("aaaa")).containsExactly("aa");
        assertThat(SearchGrams.of("预")).isEmpty();
        assertThat(SearchGrams.of("𠀀𠀁")).isEmpty();
        assertThat(SearchGrams.of("a𠀀bc")).containsExactly("bc");
        assertThat(TextSearch.pattern("5%_\\")).isEqualTo("%5\\%\\_\\\\%");
    }

    private void register(String title, String documentNumber, int copies) {
        CarrierForm form = CarrierFixtures.form(org, SecretLevel.SECRET, title,
                List.of(new CarrierScopes.Entry(ScopeKind.DEPARTMENT, org.department())), copies);
        form.setDocumentNumber(documentNumber);
        TestUsers.signIn(org.officer());
        try {
            carriers.register(form);
        } finally {
            TestUsers.signOut();
        }
    }

    /** Carriers of one copy each titled {@code word-1 .. word-n}, written by SQL as another tool would, unindexed. */
    private void insertDirectly(String word, int count) {
        jdbc.sql("""
                insert into carriers (unit_id, carrier_type, title, secret_level, duration_kind, origin, copy_count,
                                      registered_by, created_at)
                select ?, 'PAPER', ? || '-' || g.i, 'SECRET', 'DEFAULT', 'OWN_UNIT', 1, 'tool', current_timestamp
                from generate_series(1, ?) as g(i)""").params(org.unit(), word, count).update();
        jdbc.sql("""
                insert into carrier_copies (carrier_id, unit_id, copy_number, ledger_number, custodian_id, place, status, version)
                select c.id, c.unit_id, 1, 'T-' || c.id, ?, '档案室', case when mod(c.id, 3) = 0 then 'LENT' else 'LIVE' end, 0
                from carriers c where c.unit_id = ? and c.title like ?""")
                .params(org.custodian(), org.unit(), word + "-%").update();
    }

    private void fillIndex() throws Exception {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            V71__Carrier_search_grams_of_existing_carriers.fill(connection);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** The copies the viewer sees whose texts contain the text, by the like alone (the condition as it always was). */
    private List<Long> scan(String text, Viewer viewer, String more) {
        Map<String, Object> params = viewer.parameters();
        params.put("q", "%" + text.strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        return jdbc.sql("select cp.id from carrier_copies cp join carriers c on c.id = cp.carrier_id where "
                        + viewer.visible() + more
                        + " and (lower(c.title) like :q or lower(c.document_number) like :q or lower(cp.ledger_number) like :q)"
                        + " order by cp.id desc")
                .params(params).query(Long.class).list();
    }

    private static List<Long> ids(LedgerPage<LedgerEntry> page) {
        return page.items().stream().map(e -> e.copy().id()).toList();
    }

    private String listPage(CurrentUser user, String q) throws Exception {
        return mvc.perform(get("/carriers").param("q", q).with(as(user))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }

    private int apiTotal(CurrentUser user, String q) throws Exception {
        String body = mvc.perform(get("/api/carriers").param("q", q).with(as(user))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.total");
    }
}
