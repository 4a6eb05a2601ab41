package cn.baomi.server.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
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
    private static final String COLUMNS = "seq, occurred_at, actor, actor_roles, action, target_type, target_id, "
            + "outcome, detail, client_address, prev_hash, hash";
    private static final String INSERT = "insert into audit_events (" + COLUMNS + ") values (?,?,?,?,?,?,?,?,?,?,?,?)";
    private static final String MOVE_HEAD = "update audit_chain_head set last_seq = ?, last_hash = ? where id = 1";
    private static final String MOVE_HEAD_FROM = MOVE_HEAD + " and last_seq = ? and last_hash = ?";
    private static final String INSERT_AFTER_MOVE = "insert into audit_events (" + COLUMNS + ") select "
            + "?,?,?,?,?,?,?,?,?,?,?,? from audit_chain_head where id = 1 and last_seq = ? and last_hash = ?";
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    AuditEvents(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    record Head(long lastSeq, String lastHash) {
    }

    /** Locks the head of the chain until the surrounding transaction ends. */
    Head lockHead() {
        return jdbc.sql("select last_seq, last_hash from audit_chain_head where id = 1 for update")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
    }

    Head head() {
        return jdbc.sql("select last_seq, last_hash from audit_chain_head where id = 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
    }

    /**
     * Appends rows chained after the locked head, in order, and moves the head to the last of them. One row (the
     * usual case) and the head move are sent as one statement string, so the head stays locked one round trip less
     * (docs/decisions/ledger-performance.md); both drivers run the two statements in order in the transaction.
     */
    void append(List<AuditEvent> rows) {
        AuditEvent last = rows.get(rows.size() - 1);
        if (rows.size() == 1) {
            List<Object> values = new ArrayList<>(values(last));
            values.add(last.seq());
            values.add(last.hash());
            jdbc.sql(INSERT + ";\n" + MOVE_HEAD).params(values).update();
            return;
        }
        batch.batchUpdate(INSERT, rows.stream().map(e -> values(e).toArray()).toList());
        jdbc.sql(MOVE_HEAD).params(last.seq(), last.hash()).update();
    }

    /**
     * Appends rows chained after {@code expected} without reading the head first: the head is moved only if it is
     * still {@code expected}, and the rows are written only if it was moved (one row: both in one statement string,
     * whose count on both drivers is the head's). False when the head had moved on (another server wrote), and then
     * nothing is written; the caller locks the head and chains again.
     */
    boolean appendAfter(Head expected, List<AuditEvent> rows) {
        AuditEvent last = rows.get(rows.size() - 1);
        List<Object> move = List.of(last.seq(), last.hash(), expected.lastSeq(), expected.lastHash());
        if (rows.size() == 1) {
            List<Object> values = new ArrayList<>(move);
            values.addAll(values(last));
            values.add(last.seq());
            values.add(last.hash());
            return jdbc.sql(MOVE_HEAD_FROM + ";\n" + INSERT_AFTER_MOVE).params(values).update() == 1;
        }
        if (jdbc.sql(MOVE_HEAD_FROM).params(move).update() != 1) {
            return false;
        }
        batch.batchUpdate(INSERT, rows.stream().map(e -> values(e).toArray()).toList());
        return true;
    }

    /** The columns that may be null travel with their SQL type, so that the driver keeps its prepared statement. */
    private static List<Object> values(AuditEvent e) {
        return List.of(e.seq(), utc(e.occurredAt()), e.actor(), e.actorRoles(), e.action(), text(e.targetType()),
                text(e.targetId()), e.outcome(), text(e.detail()), text(e.clientAddress()), e.prevHash(), e.hash());
    }

    private static SqlParameterValue text(String value) {
        return new SqlParameterValue(Types.VARCHAR, value);
    }

    /**
     * Hands the rows up to {@code lastSeq} to {@code consumer} in chain order, a page at a time, until
     * the consumer answers false; memory stays one page however long the trail.
     */
    void walk(long lastSeq, Predicate<AuditEvent> consumer) {
        long after = 0;
        while (after < lastSeq) {
            List<AuditEvent> page = jdbc.sql("select " + COLUMNS + " from audit_events where seq > ? and seq <= ? "
                            + "order by seq limit " + PAGE)
                    .params(after, lastSeq).query(AuditEvents::map).list();
            for (AuditEvent event : page) {
                if (!consumer.test(event)) {
                    return;
                }
            }
            if (page.size() < PAGE) {
                return;
            }
            after = page.get(page.size() - 1).seq();
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
        return new AuditEvent(rs.getLong("seq"), at, rs.getString("actor"), rs.getString("actor_roles"),
                rs.getString("action"), rs.getString("target_type"), rs.getString("target_id"), rs.getString("outcome"),
                rs.getString("detail"), rs.getString("client_address"), rs.getString("prev_hash"), rs.getString("hash"));
    }
}
