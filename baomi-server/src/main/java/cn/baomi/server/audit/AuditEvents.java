package cn.baomi.server.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored trail. Inserts only: there is deliberately no update or delete here. */
@Repository
class AuditEvents {

    private static final String COLUMNS = "seq, occurred_at, actor, actor_roles, action, target_type, target_id, "
            + "outcome, detail, client_address, prev_hash, hash";
    private final JdbcClient jdbc;

    AuditEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    void append(AuditEvent e) {
        jdbc.sql("insert into audit_events (" + COLUMNS + ") values (?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(e.seq(), Timestamp.from(e.occurredAt()), e.actor(), e.actorRoles(), e.action(), e.targetType(),
                        e.targetId(), e.outcome(), e.detail(), e.clientAddress(), e.prevHash(), e.hash())
                .update();
        jdbc.sql("update audit_chain_head set last_seq = ?, last_hash = ? where id = 1")
                .params(e.seq(), e.hash()).update();
    }

    /** Streams every row in chain order, a page at a time, so verification needs little memory. */
    void forEachInOrder(Consumer<AuditEvent> consumer) {
        long after = 0;
        while (true) {
            List<AuditEvent> page = jdbc.sql("select " + COLUMNS + " from audit_events where seq > ? order by seq limit 1000")
                    .param(after).query(AuditEvents::map).list();
            page.forEach(consumer);
            if (page.size() < 1000) {
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

    long count(AuditQuery query) {
        List<Object> params = new ArrayList<>();
        String where = query.where(params);
        return jdbc.sql("select count(*) from audit_events" + where).params(params).query(Long.class).single();
    }

    static AuditEvent map(ResultSet rs, int row) throws SQLException {
        Instant at = rs.getTimestamp("occurred_at").toInstant();
        return new AuditEvent(rs.getLong("seq"), at, rs.getString("actor"), rs.getString("actor_roles"),
                rs.getString("action"), rs.getString("target_type"), rs.getString("target_id"), rs.getString("outcome"),
                rs.getString("detail"), rs.getString("client_address"), rs.getString("prev_hash"), rs.getString("hash"));
    }
}
