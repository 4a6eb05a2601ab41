package cn.baomi.server.personnel;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import cn.baomi.server.shared.ClearanceLevel;

/** The level history. A row is added per request and only its state moves, once, from PENDING. */
@Repository
class LevelChanges {

    private final JdbcClient jdbc;

    LevelChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(LevelChange c) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into personnel_levels (person_id, unit_id, from_level, to_level, reason, exception_reason, state, "
                        + "requested_by, requested_at) values (?,?,?,?,?,?,?,?,?)")
                .params(c.personId(), c.unitId(), c.fromLevel().name(), c.toLevel().name(), c.reason(),
                        c.exceptionReason(), c.state().name(), c.requestedBy(), Timestamp.from(c.requestedAt()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** An entry that is in effect from the start, without an approval: the end of the level on leaving the post. */
    long insertEnded(LevelChange c) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into personnel_levels (person_id, unit_id, from_level, to_level, reason, state, requested_by, "
                        + "requested_at, decided_at, effective_on, exit_id) values (?,?,?,?,?,?,?,?,?,?,?)")
                .params(c.personId(), c.unitId(), c.fromLevel().name(), c.toLevel().name(), c.reason(),
                        LevelState.GRANTED.name(), c.requestedBy(), Timestamp.from(c.requestedAt()),
                        Timestamp.from(c.requestedAt()), Date.valueOf(c.effectiveOn()), c.exitId())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void linkApproval(long id, long approvalId) {
        jdbc.sql("update personnel_levels set approval_id = ? where id = ?").params(approvalId, id).update();
    }

    /** Moves a pending change to its decided state; false when it was no longer pending. */
    boolean decide(long id, LevelState state, Instant at, LocalDate effectiveOn) {
        return jdbc.sql("update personnel_levels set state = ?, decided_at = ?, effective_on = ? "
                        + "where id = ? and state = 'PENDING'")
                .params(state.name(), Timestamp.from(at), effectiveOn == null ? null : Date.valueOf(effectiveOn), id)
                .update() == 1;
    }

    Optional<LevelChange> find(long id) {
        return jdbc.sql("select * from personnel_levels where id = ?").param(id).query(LevelChanges::map).optional();
    }

    List<LevelChange> of(long personId) {
        return jdbc.sql("select * from personnel_levels where person_id = ? order by requested_at desc, id desc")
                .param(personId).query(LevelChanges::map).list();
    }

    boolean hasPending(long personId) {
        return jdbc.sql("select count(*) from personnel_levels where person_id = ? and state = 'PENDING'")
                .param(personId).query(Long.class).single() > 0;
    }

    private static LevelChange map(ResultSet rs, int row) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new LevelChange(rs.getLong("id"), rs.getLong("person_id"), rs.getLong("unit_id"),
                ClearanceLevel.valueOf(rs.getString("from_level")), ClearanceLevel.valueOf(rs.getString("to_level")),
                rs.getString("reason"), rs.getString("exception_reason"), LevelState.valueOf(rs.getString("state")),
                rs.getObject("approval_id", Long.class), rs.getString("requested_by"),
                rs.getTimestamp("requested_at").toInstant(), decided == null ? null : decided.toInstant(),
                rs.getObject("effective_on", LocalDate.class), rs.getObject("exit_id", Long.class));
    }
}
