package cn.baomi.server.carrier;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

    private final JdbcClient jdbc;

    Ledger(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
        if (query.q() != null) {
            filters.add("(lower(c.title) like :q or lower(c.document_number) like :q or lower(cp.ledger_number) like :q)");
            params.put("q", "%" + query.q().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        filters.forEach(f -> where.append(" and ").append(f));
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
        List<LedgerEntry> items = jdbc.sql("""
                select cp.id, cp.carrier_id, cp.unit_id, cp.copy_number, cp.ledger_number, cp.custodian_id,
                       cp.pending_custodian_id, cp.borrower_id, cp.due_date, cp.safe_id, sf.number as safe_number, cp.place,
                       cp.status, cp.version, c.title, c.document_number, c.secret_level, c.carrier_type,
                       c.declassified_on
                from (select cp.id from carrier_copies cp
                """ + join + " carriers c on c.id = cp.carrier_id" + where
                + " order by cp.id desc limit " + query.size() + " offset " + (long) query.page() * query.size() + """
                ) page
                join carrier_copies cp on cp.id = page.id join carriers c on c.id = cp.carrier_id
                left join safes sf on sf.id = cp.safe_id
                order by cp.id desc""")
                .params(params)
                .query((rs, n) -> new LedgerEntry(Copies.map(rs, n), rs.getString("title"), rs.getString("document_number"),
                        SecretLevel.valueOf(rs.getString("secret_level")), CarrierType.valueOf(rs.getString("carrier_type")),
                        rs.getDate("declassified_on") != null))
                .list();
        return new LedgerPage<>(items, query.page(), query.size(), total, more);
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
