package cn.baomi.server.carrier;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The append-only history of copies: rows are inserted, never updated or deleted. */
@Repository
class CopyEvents {

    private final JdbcClient jdbc;

    CopyEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void append(CopyEvent e) {
        jdbc.sql("""
                insert into copy_events (copy_id, event_type, occurred_at, actor, from_custodian_id, to_custodian_id,
                    safe_id, place, channel, counterpart, due_date, note, mode)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(e.copyId(), e.type().name(), Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MILLIS)),
                        e.actor(), e.fromCustodianId(), e.toCustodianId(), e.safeId(), e.place(),
                        e.channel() == null ? null : e.channel().name(), e.counterpart(), e.dueDate(), e.note(), e.mode())
                .update();
    }

    List<CopyEvent> ofCarrier(long carrierId) {
        return jdbc.sql("""
                select e.* from copy_events e join carrier_copies cp on cp.id = e.copy_id
                where cp.carrier_id = ? order by e.id""")
                .param(carrierId)
                .query((rs, n) -> {
                    java.sql.Date due = rs.getDate("due_date");
                    String channel = rs.getString("channel");
                    return new CopyEvent(rs.getLong("id"), rs.getLong("copy_id"), EventType.valueOf(rs.getString("event_type")),
                            rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                            (Long) rs.getObject("from_custodian_id", Long.class), (Long) rs.getObject("to_custodian_id", Long.class),
                            (Long) rs.getObject("safe_id", Long.class), rs.getString("place"),
                            channel == null ? null : Channel.valueOf(channel), rs.getString("counterpart"),
                            due == null ? null : due.toLocalDate(), rs.getString("note"), rs.getString("mode"));
                }).list();
    }
}
