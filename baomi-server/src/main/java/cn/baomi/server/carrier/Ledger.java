package cn.baomi.server.carrier;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ledger list: copies with their carrier's title and level, filtered by what the viewer may see in SQL, then
 * paged. Matches are counted up to {@link #COUNT_LIMIT} only: an exact count of a city-wide ledger of a million
 * copies costs a scan of them all on every page (docs/benchmarks.md); beyond the limit the page says "more than".
 */
@Repository
class Ledger {

    static final int COUNT_LIMIT = 1_000;

    private static final String COLUMNS = """
            select cp.id, cp.carrier_id, cp.unit_id, cp.copy_number, cp.ledger_number, cp.custodian_id,
                   cp.pending_custodian_id, cp.borrower_id, cp.due_date, cp.safe_id, sf.number as safe_number, cp.place,
                   cp.status, cp.version, c.title, c.document_number, c.secret_level, c.carrier_type,
                   c.declassified_on""";

    private final JdbcClient jdbc;
    private final TextSearch text;

    Ledger(JdbcClient jdbc, TextSearch text) {
        this.jdbc = jdbc;
        this.text = text;
    }

    /** A page for the list and the API: the count stops at {@link #COUNT_LIMIT}. */
    LedgerPage<LedgerEntry> search(LedgerQuery query, Viewer viewer) {
        return search(query, viewer, COUNT_LIMIT);
    }

    /** A page with an exact count, for exports and printing, which must know and reach every row. */
    LedgerPage<LedgerEntry> searchCountingAll(LedgerQuery query, Viewer viewer) {
        return search(query, viewer, 0);
    }

    private LedgerPage<LedgerEntry> search(LedgerQuery query, Viewer viewer, int countLimit) {
        StringBuilder where = new StringBuilder(" where ").append(viewer.visible());
        Map<String, Object> params = viewer.parameters();
        List<String> filters = new ArrayList<>();
        if (query.level() != null) {
            filters.add("c.secret_level = " + literal(query.level()));
        }
        if (query.type() != null) {
            filters.add("c.carrier_type = " + literal(query.type()));
        }
        if (query.status() != null) {
            filters.add("cp.status = " + literal(query.status()));
        }
        if (query.custodianId() != null) {
            filters.add("cp.custodian_id = :custodian");
            params.put("custodian", query.custodianId());
        }
        filters.forEach(f -> where.append(" and ").append(f));
        if (query.q() != null) {
            String lowered = query.q().toLowerCase();
            params.put("q", TextSearch.pattern(lowered));
            List<String> grams = SearchGrams.of(lowered);
            if (!grams.isEmpty()) {
                Set<Long> units = new HashSet<>(viewer.keeperUnits());
                units.addAll(viewer.readerUnits());
                Optional<TextSearch.Found> found = text.find(where.toString(), params, grams, units, query, countLimit);
                if (found.isPresent()) {
                    return new LedgerPage<>(rows(where.toString(), params, found.get().ids()), query.page(), query.size(),
                            found.get().total(), found.get().more());
                }
            }
            where.append(" and ").append(TextSearch.MATCHES); // one character, or only frequent pieces: the like alone
        }
        String matches = "select 1 from carrier_copies cp join carriers c on c.id = cp.carrier_id" + where;
        long counted = jdbc.sql("select count(*) from (" + matches + (countLimit > 0 ? " limit " + (countLimit + 1) : "")
                        + ") matches").params(params).query(Long.class).single();
        boolean more = countLimit > 0 && counted > countLimit;
        long total = more ? countLimit : counted;
        // the page's ids first, from what the indexes hold, then the rows of those 20 copies only. A keeper of every
        // unit walks the copies from the newest: with "left join" (the same rows, every copy has its carrier) H2 keeps
        // the copies first and stops after the page, where it would start from the carriers and sort all their copies
        // (not for a text search, whose few matches are found faster from the carriers)
        String join = viewer.keepsEveryUnit() && query.q() == null ? "left join" : "join";
        List<LedgerEntry> items = jdbc.sql(COLUMNS + """

                from (select cp.id from carrier_copies cp
                """ + join + " carriers c on c.id = cp.carrier_id" + where
                + " order by cp.id desc limit " + query.size() + " offset " + (long) query.page() * query.size() + """
                ) page
                join carrier_copies cp on cp.id = page.id join carriers c on c.id = cp.carrier_id
                left join safes sf on sf.id = cp.safe_id
                order by cp.id desc""")
                .params(params)
                .query(Ledger::entry)
                .list();
        return new LedgerPage<>(items, query.page(), query.size(), total, more);
    }

    /** The rows of copies found by id, newest first; still under the viewer's condition. */
    private List<LedgerEntry> rows(String where, Map<String, Object> params, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(COLUMNS + " from carrier_copies cp join carriers c on c.id = cp.carrier_id"
                        + " left join safes sf on sf.id = cp.safe_id" + where + " and cp.id in (:pageIds) order by cp.id desc")
                .params(params).param("pageIds", ids).query(Ledger::entry).list();
    }

    private static LedgerEntry entry(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new LedgerEntry(Copies.map(rs, n), rs.getString("title"), rs.getString("document_number"),
                SecretLevel.valueOf(rs.getString("secret_level")), CarrierType.valueOf(rs.getString("carrier_type")),
                rs.getDate("declassified_on") != null);
    }

    /**
     * An enum's name written into the SQL rather than bound, like the page's limit and offset: PostgreSQL then plans
     * with the value's share of the rows (82 % of the copies live, 5 % of the carriers 绝密) also once it caches a
     * statement's plan, where its generic plan for a bound value took every status as rare and read a district's
     * whole index instead of walking the newest copies (docs/decisions/ledger-performance.md). Only the enums' own
     * names, never a user's text.
     */
    private static String literal(Enum<?> value) {
        return "'" + value.name() + "'";
    }
}
