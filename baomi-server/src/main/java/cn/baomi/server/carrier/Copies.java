package cn.baomi.server.carrier;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The copies and their current state. A state change is one conditional UPDATE on the expected status and
 * version: of two simultaneous changes of one copy exactly one succeeds.
 */
@Repository
class Copies {

    static final String SELECT = """
            select cp.id, cp.carrier_id, cp.unit_id, cp.copy_number, cp.ledger_number, cp.custodian_id,
                   cp.pending_custodian_id, cp.borrower_id, cp.due_date, cp.safe_id, sf.number as safe_number, cp.place,
                   cp.status, cp.version, c.secret_level
            from carrier_copies cp join carriers c on c.id = cp.carrier_id left join safes sf on sf.id = cp.safe_id
            """;

    private final JdbcClient jdbc;
    private final SearchGrams grams;

    Copies(JdbcClient jdbc, SearchGrams grams) {
        this.jdbc = jdbc;
        this.grams = grams;
    }

    /** Inserts the copy and indexes its ledger number for the text search. */
    long insert(Copy c) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into carrier_copies (carrier_id, unit_id, copy_number, ledger_number, custodian_id, safe_id, place,
                    status, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(c.carrierId(), c.unitId(), c.copyNumber(), c.ledgerNumber(), c.custodianId(), c.safeId(), c.place(),
                        c.status().name())
                .update(key, "id");
        long id = key.getKey().longValue();
        grams.copyInserted(id);
        return id;
    }

    /**
     * A copy made from another with approval: it names its source and carries its copy stamp (复制戳记); its ledger
     * number is indexed for the text search.
     */
    long insertCopyOf(Copy c, long sourceCopyId, String copyStamp) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into carrier_copies (carrier_id, unit_id, copy_number, ledger_number, custodian_id, safe_id, place,
                    status, version, source_copy_id, copy_stamp)
                values (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)""")
                .params(c.carrierId(), c.unitId(), c.copyNumber(), c.ledgerNumber(), c.custodianId(), c.safeId(), c.place(),
                        c.status().name(), sourceCopyId, copyStamp)
                .update(key, "id");
        long id = key.getKey().longValue();
        grams.copyInserted(id);
        return id;
    }

    /** Names every source a copy was made from (a compilation has several). */
    void linkSources(long copyId, List<Long> sourceCopyIds) {
        for (long source : sourceCopyIds) {
            jdbc.sql("insert into copy_sources (copy_id, source_copy_id) values (?, ?)").params(copyId, source).update();
        }
    }

    /** The copy number (份号) the next copy of a carrier takes. */
    int nextCopyNumber(long carrierId) {
        return jdbc.sql("select coalesce(max(copy_number), 0) + 1 from carrier_copies where carrier_id = ?")
                .param(carrierId).query(Integer.class).single();
    }

    Optional<Copy> find(long id) {
        return jdbc.sql(SELECT + " where cp.id = ?").param(id).query(Copies::map).optional();
    }

    /** A copy, if the viewer may see it. */
    Optional<Copy> findVisible(long id, Viewer viewer) {
        return jdbc.sql(SELECT + " where cp.id = :copy and " + viewer.visible()).params(viewer.parameters())
                .param("copy", id).query(Copies::map).optional();
    }

    /** All copies of a carrier, for decisions on the carrier itself. */
    List<Copy> ofCarrier(long carrierId) {
        return jdbc.sql(SELECT + " where cp.carrier_id = ? order by cp.copy_number").param(carrierId)
                .query(Copies::map).list();
    }

    /** The copy of the unit with this ledger number, if the viewer may see it. */
    Optional<Copy> findVisible(long unitId, String ledgerNumber, Viewer viewer) {
        return jdbc.sql(SELECT + " where cp.unit_id = :unit and cp.ledger_number = :number and " + viewer.visible())
                .params(viewer.parameters()).param("unit", unitId).param("number", ledgerNumber)
                .query(Copies::map).optional();
    }

    /** The copies of a carrier that the viewer may see. */
    List<Copy> visibleOf(long carrierId, Viewer viewer) {
        return jdbc.sql(SELECT + " where cp.carrier_id = :carrier and " + viewer.visible() + " order by cp.copy_number")
                .params(viewer.parameters()).param("carrier", carrierId).query(Copies::map).list();
    }

    /**
     * Moves a copy from the state it was read in to {@code next}; false when another change came first (the
     * status or version no longer match).
     */
    boolean change(Copy read, Copy next) {
        return change(read, next, "");
    }

    /**
     * {@link #change} for a copy that must not be on a pending or approved destruction list: false also when one
     * names it (the check is part of the update instead of a statement of its own).
     */
    boolean changeUnlisted(Copy read, Copy next) {
        return change(read, next, " and not exists (select 1 from destruction_list_copies lc"
                + " join destruction_lists l on l.id = lc.list_id where lc.copy_id = :id and l.state in ('PENDING', 'APPROVED'))");
    }

    /**
     * The columns that may be null are bound with their SQL type: a null bound without one reaches PostgreSQL's
     * driver as "unspecified", and a statement prepared with a typed value is then parsed and planned again
     * (docs/decisions/ledger-performance.md, "Stable parameter types").
     */
    private boolean change(Copy read, Copy next, String condition) {
        return jdbc.sql("""
                update carrier_copies set status = :status, custodian_id = :custodian, pending_custodian_id = :pending,
                    borrower_id = :borrower, due_date = :due, safe_id = :safe, place = :place, version = version + 1
                where id = :id and version = :version and status = :expected""" + condition)
                .params(Map.of("status", next.status().name(), "custodian", next.custodianId(), "id", read.id(),
                        "version", read.version(), "expected", read.status().name()))
                .param("pending", next.pendingCustodianId(), Types.BIGINT)
                .param("borrower", next.borrowerId(), Types.BIGINT).param("due", next.dueDate(), Types.DATE)
                .param("safe", next.safeId(), Types.BIGINT).param("place", next.place(), Types.VARCHAR)
                .update() == 1;
    }

    static Copy map(ResultSet rs, int row) throws SQLException {
        java.sql.Date due = rs.getDate("due_date");
        return new Copy(rs.getLong("id"), rs.getLong("carrier_id"), rs.getLong("unit_id"), rs.getInt("copy_number"),
                rs.getString("ledger_number"), rs.getLong("custodian_id"),
                (Long) rs.getObject("pending_custodian_id", Long.class), (Long) rs.getObject("borrower_id", Long.class),
                due == null ? null : due.toLocalDate(), (Long) rs.getObject("safe_id", Long.class),
                rs.getString("safe_number"), rs.getString("place"), CopyStatus.valueOf(rs.getString("status")),
                rs.getInt("version"), SecretLevel.valueOf(rs.getString("secret_level")));
    }
}
