package cn.baomi.server.carrier;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The append-only history of copies: rows are inserted, never updated or deleted. */
@Repository
class CopyEvents {

    /**
     * The events appended on this thread while it is open: how {@code POST /api/carriers/{id}/events} answers with
     * the event(s) it made without every service returning them ({@link CopyEventRouter}).
     */
    static final class Recording implements AutoCloseable {

        private static final ThreadLocal<Recording> CURRENT = new ThreadLocal<>();
        private final Recording outer = CURRENT.get();
        private final List<CopyEvent> events = new ArrayList<>();

        private Recording() {
            CURRENT.set(this);
        }

        List<CopyEvent> events() {
            return List.copyOf(events);
        }

        @Override
        public void close() {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    private final JdbcClient jdbc;

    CopyEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static Recording recording() {
        return new Recording();
    }

    /** Appends the event; the answer is the stored row (its id and time). */
    CopyEvent append(CopyEvent e) {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into copy_events (copy_id, event_type, occurred_at, actor, from_custodian_id, to_custodian_id,
                    safe_id, place, channel, counterpart, due_date, note, mode)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(e.copyId(), e.type().name(), Timestamp.from(at), e.actor())
                // the columns that may be null with their SQL type, as in Copies.change
                .param(5, e.fromCustodianId(), Types.BIGINT).param(6, e.toCustodianId(), Types.BIGINT)
                .param(7, e.safeId(), Types.BIGINT).param(8, e.place(), Types.VARCHAR)
                .param(9, e.channel() == null ? null : e.channel().name(), Types.VARCHAR)
                .param(10, e.counterpart(), Types.VARCHAR).param(11, e.dueDate(), Types.DATE)
                .param(12, e.note(), Types.VARCHAR).param(13, e.mode(), Types.VARCHAR)
                .update(key, "id");
        CopyEvent stored = new CopyEvent(key.getKey().longValue(), e.copyId(), e.type(), at, e.actor(), e.fromCustodianId(),
                e.toCustodianId(), e.safeId(), e.place(), e.channel(), e.counterpart(), e.dueDate(), e.note(), e.mode());
        Recording recording = Recording.CURRENT.get();
        if (recording != null) {
            recording.events.add(stored);
        }
        return stored;
    }

    /** The history of the given copies, oldest first (by {@code ix_copy_events_copy}). */
    List<CopyEvent> ofCopies(Collection<Long> copyIds) {
        if (copyIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select e.* from copy_events e where e.copy_id in (:copies) order by e.id")
                .param("copies", copyIds).query(CopyEvents::map).list();
    }

    List<CopyEvent> ofCarrier(long carrierId) {
        return jdbc.sql("""
                select e.* from copy_events e join carrier_copies cp on cp.id = e.copy_id
                where cp.carrier_id = ? order by e.id""")
                .param(carrierId)
                .query(CopyEvents::map).list();
    }

    private static CopyEvent map(ResultSet rs, int n) throws SQLException {
        java.sql.Date due = rs.getDate("due_date");
        String channel = rs.getString("channel");
        return new CopyEvent(rs.getLong("id"), rs.getLong("copy_id"), EventType.valueOf(rs.getString("event_type")),
                rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                (Long) rs.getObject("from_custodian_id", Long.class), (Long) rs.getObject("to_custodian_id", Long.class),
                (Long) rs.getObject("safe_id", Long.class), rs.getString("place"),
                channel == null ? null : Channel.valueOf(channel), rs.getString("counterpart"),
                due == null ? null : due.toLocalDate(), rs.getString("note"), rs.getString("mode"));
    }
}
