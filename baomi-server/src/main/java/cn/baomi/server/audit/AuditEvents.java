package cn.baomi.server.audit;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stored trail. Inserts only: there is deliberately no update or delete here. Times travel as
 * {@link OffsetDateTime} in UTC, so the instant read back is the instant written on H2 and PostgreSQL
 * alike, whatever the JVM's time zone (a {@code java.sql.Timestamp} goes through local time).
 */
@Repository
class AuditEvents {

    static final int PAGE = 1000;
    private static final String COLUMNS = "seq, line, line_seq, occurred_at, actor, actor_roles, action, target_type, "
            + "target_id, outcome, detail, client_address, prev_hash, hash";
    /**
     * The head of a line, locked, with the numbers of the records to chain there: taken from {@code audit_seq} in the
     * same statement, once the line is held (the subquery with the lock is evaluated before the outer select list).
     */
    private static final String LOCKED = "select h.id, h.last_seq, h.last_hash, "
            + "array(select nextval('audit_seq') from generate_series(1, ?)) as seqs from (select id, last_seq, last_hash "
            + "from audit_chain_head ";
    /** The first line that no other transaction holds, without waiting. */
    private static final String LOCK_FREE_LINE = LOCKED + "order by id limit 1 for update skip locked) h";
    /** A given line, waiting for it if another transaction holds it. */
    private static final String LOCK_LINE = LOCKED + "where id = ? for update) h";
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private volatile List<Integer> lines;

    AuditEvents(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Where a line ends: the position ({@code line_seq}) and hash of its last row; 0 and the genesis hash if empty. */
    record Head(int line, long lastSeq, String lastHash) {
    }

    /** A line held by the current transaction, and the global numbers, ascending, of the records to chain there. */
    record Held(Head head, List<Long> seqs) {
    }

    /**
     * Locks a line until the surrounding transaction ends and takes {@code records} numbers of {@code audit_seq}:
     * {@code line} if given (the transaction holds it already), else the first line no other transaction holds, or,
     * when every line is held, one chosen at random, waiting for it. One statement when a line is free.
     */
    Held lockLine(int records, Integer line) {
        if (line != null) {
            return lock(LOCK_LINE, records, line);
        }
        List<Held> free = jdbc.sql(LOCK_FREE_LINE).param(records).query(AuditEvents::held).list();
        if (!free.isEmpty()) {
            return free.get(0);
        }
        List<Integer> all = lines();
        return lock(LOCK_LINE, records, all.get(ThreadLocalRandom.current().nextInt(all.size())));
    }

    private Held lock(String sql, int records, int line) {
        return jdbc.sql(sql).params(records, line).query(AuditEvents::held).single();
    }

    private static Held held(ResultSet rs, int row) throws SQLException {
        Array array = rs.getArray("seqs");
        List<Long> seqs = Arrays.stream((Object[]) array.getArray()).map(v -> ((Number) v).longValue()).sorted()
                .toList();
        array.free();
        return new Held(new Head(rs.getInt("id"), rs.getLong("last_seq"), rs.getString("last_hash")), seqs);
    }

    /** The ids of the lines; they change only with a migration, so they are read once. */
    private List<Integer> lines() {
        List<Integer> known = lines;
        if (known == null) {
            known = jdbc.sql("select id from audit_chain_head order by id").query(Integer.class).list();
            lines = known;
        }
        return known;
    }

    /** The heads of every line, in one statement (so at one moment), by line. */
    List<Head> heads() {
        return jdbc.sql("select id, last_seq, last_hash from audit_chain_head order by id")
                .query((rs, n) -> new Head(rs.getInt(1), rs.getLong(2), rs.getString(3))).list();
    }

    /**
     * Appends rows chained after the head of the line held, in order, and moves that head to the last of them. One
     * row (the usual case) and the head move are sent as one statement string, so the line stays locked one round
     * trip less (docs/decisions/ledger-performance.md); both drivers run the two statements in order in the
     * transaction.
     */
    void append(List<AuditEvent> rows) {
        String insert = "insert into audit_events (" + COLUMNS + ") values (?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
        String moveHead = "update audit_chain_head set last_seq = ?, last_hash = ? where id = ?";
        AuditEvent last = rows.get(rows.size() - 1);
        if (rows.size() == 1) {
            List<Object> values = new ArrayList<>(values(last));
            values.add(last.lineSeq());
            values.add(last.hash());
            values.add(last.line());
            jdbc.sql(insert + ";\n" + moveHead).params(values).update();
            return;
        }
        batch.batchUpdate(insert, rows.stream().map(e -> values(e).toArray()).toList());
        jdbc.sql(moveHead).params(last.lineSeq(), last.hash(), last.line()).update();
    }

    private static List<Object> values(AuditEvent e) {
        return Arrays.asList(e.seq(), e.line(), e.lineSeq(), utc(e.occurredAt()), e.actor(), e.actorRoles(),
                e.action(), e.targetType(), e.targetId(), e.outcome(), e.detail(), e.clientAddress(), e.prevHash(),
                e.hash());
    }

    /**
     * Hands the rows of {@code line} up to position {@code lastPosition} to {@code consumer} in chain order, a page
     * at a time, until the consumer answers false; memory stays one page however long the line.
     */
    void walk(int line, long lastPosition, Predicate<AuditEvent> consumer) {
        long after = 0;
        while (after < lastPosition) {
            List<AuditEvent> page = jdbc.sql("select " + COLUMNS + " from audit_events where line = ? and line_seq > ? "
                            + "and line_seq <= ? order by line_seq limit " + PAGE)
                    .params(line, after, lastPosition).query(AuditEvents::map).list();
            for (AuditEvent event : page) {
                if (!consumer.test(event)) {
                    return;
                }
            }
            if (page.size() < PAGE) {
                return;
            }
            after = page.get(page.size() - 1).lineSeq();
        }
    }

    List<AuditEvent> search(AuditQuery query, int offset, int limit) {
        List<Object> params = new ArrayList<>();
        String where = query.where(params);
        params.add(limit);
        params.add(offset);
        return jdbc.sql("select " + COLUMNS + " from audit_events" + where + " order by seq desc limit ? offset ?")
                .params(params).query(AuditEvents::map).list();
    }

    /** Rows matching the query older than {@code beforeSeq}, newest first: for reading a long result in chunks. */
    List<AuditEvent> searchBefore(AuditQuery query, long beforeSeq, int limit) {
        List<Object> params = new ArrayList<>();
        String where = query.where(params);
        params.add(beforeSeq);
        params.add(limit);
        return jdbc.sql("select " + COLUMNS + " from audit_events" + where + (where.isEmpty() ? " where" : " and")
                        + " seq < ? order by seq desc limit ?")
                .params(params).query(AuditEvents::map).list();
    }

    long count(AuditQuery query) {
        List<Object> params = new ArrayList<>();
        String where = query.where(params);
        return jdbc.sql("select count(*) from audit_events" + where).params(params).query(Long.class).single();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static AuditEvent map(ResultSet rs, int row) throws SQLException {
        Instant at = rs.getObject("occurred_at", OffsetDateTime.class).toInstant();
        return new AuditEvent(rs.getLong("seq"), rs.getInt("line"), rs.getLong("line_seq"), at, rs.getString("actor"),
                rs.getString("actor_roles"), rs.getString("action"), rs.getString("target_type"),
                rs.getString("target_id"), rs.getString("outcome"), rs.getString("detail"),
                rs.getString("client_address"), rs.getString("prev_hash"), rs.getString("hash"));
    }
}
