package cn.baomi.server.carrier;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The ledger list: copies with their carrier's title and level, filtered by what the viewer may see in SQL, then paged. */
@Repository
class Ledger {

    private final JdbcClient jdbc;

    Ledger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    LedgerPage<LedgerEntry> search(LedgerQuery query, Viewer viewer) {
        StringBuilder where = new StringBuilder(" where ").append(Viewer.VISIBLE);
        Map<String, Object> params = viewer.parameters();
        List<String> filters = new ArrayList<>();
        if (query.level() != null) {
            filters.add("c.secret_level = :level");
            params.put("level", query.level().name());
        }
        if (query.type() != null) {
            filters.add("c.carrier_type = :type");
            params.put("type", query.type().name());
        }
        if (query.status() != null) {
            filters.add("cp.status = :status");
            params.put("status", query.status().name());
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
        long total = jdbc.sql("select count(*) from carrier_copies cp join carriers c on c.id = cp.carrier_id" + where)
                .params(params).query(Long.class).single();
        params.put("limit", query.size());
        params.put("offset", (long) query.page() * query.size());
        List<LedgerEntry> items = jdbc.sql("""
                select cp.id, cp.carrier_id, cp.unit_id, cp.copy_number, cp.ledger_number, cp.custodian_id,
                       cp.pending_custodian_id, cp.borrower_id, cp.due_date, cp.safe_id, sf.number as safe_number, cp.place,
                       cp.status, cp.version, c.title, c.document_number, c.secret_level, c.carrier_type,
                       c.declassified_on
                from carrier_copies cp join carriers c on c.id = cp.carrier_id left join safes sf on sf.id = cp.safe_id
                """ + where + " order by cp.id desc limit :limit offset :offset")
                .params(params)
                .query((rs, n) -> new LedgerEntry(Copies.map(rs, n), rs.getString("title"), rs.getString("document_number"),
                        SecretLevel.valueOf(rs.getString("secret_level")), CarrierType.valueOf(rs.getString("carrier_type")),
                        rs.getDate("declassified_on") != null))
                .list();
        return new LedgerPage<>(items, query.page(), query.size(), total);
    }
}
