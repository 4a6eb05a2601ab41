package cn.baomi.server.personnel.exit;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import cn.baomi.server.shared.ClearanceLevel;

/** The exits. Completion is one conditional update on the OPEN state, so of two completions exactly one wins. */
@Repository
class Exits {

    private static final String SELECT = """
            select id, person_id, unit_id, clearance, reason, leave_date, state, opened_by, opened_at, completed_by,
                   completed_at, commitment_id, cool_off_start, cool_off_end, entrusted_to, entrusted_on, cool_off_closed_at
            from personnel_exits""";

    private final JdbcClient jdbc;

    Exits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long personId, long unitId, ClearanceLevel clearance, String reason, LocalDate leaveDate, String by,
                Instant at) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into personnel_exits (person_id, unit_id, clearance, reason, leave_date, state, opened_by, opened_at)
                        values (?, ?, ?, ?, ?, 'OPEN', ?, ?)""")
                .params(personId, unitId, clearance.name(), reason, Date.valueOf(leaveDate), by, Timestamp.from(at))
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    Optional<Exit> find(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(Exits::map).optional();
    }

    List<Exit> ofPerson(long personId) {
        return jdbc.sql(SELECT + " where person_id = ? order by id desc").param(personId).query(Exits::map).list();
    }

    List<Exit> inUnits(Set<Long> unitIds) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where unit_id in (:units) order by state desc, id desc")
                .param("units", List.copyOf(unitIds)).query(Exits::map).list();
    }

    /** Completed exits whose cool-off has ended (on or before the day) and whose management is not yet closed. */
    List<Exit> coolOffEnded(Set<Long> unitIds, LocalDate day) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where unit_id in (:units) and state = 'COMPLETED' and cool_off_end < :day"
                        + " and cool_off_closed_at is null order by cool_off_end")
                .param("units", List.copyOf(unitIds)).param("day", Date.valueOf(day)).query(Exits::map).list();
    }

    boolean complete(long id, String by, Instant at, Long commitmentId, LocalDate start, LocalDate end) {
        return jdbc.sql("""
                        update personnel_exits set state = 'COMPLETED', completed_by = ?, completed_at = ?, commitment_id = ?,
                               cool_off_start = ?, cool_off_end = ? where id = ? and state = 'OPEN'""")
                .params(by, Timestamp.from(at), commitmentId, Date.valueOf(start), Date.valueOf(end), id).update() == 1;
    }

    void setCommitment(long id, long commitmentId) {
        jdbc.sql("update personnel_exits set commitment_id = ? where id = ?").params(commitmentId, id).update();
    }

    void entrust(long id, String to, LocalDate on, String by) {
        jdbc.sql("update personnel_exits set entrusted_to = ?, entrusted_on = ?, entrusted_by = ? where id = ?")
                .params(to, Date.valueOf(on), by, id).update();
    }

    boolean closeCoolOff(long id, Instant at) {
        return jdbc.sql("update personnel_exits set cool_off_closed_at = ? where id = ? and state = 'COMPLETED'"
                        + " and cool_off_closed_at is null")
                .params(Timestamp.from(at), id).update() == 1;
    }

    private static Exit map(ResultSet rs, int n) throws SQLException {
        return new Exit(rs.getLong("id"), rs.getLong("person_id"), rs.getLong("unit_id"),
                ClearanceLevel.valueOf(rs.getString("clearance")), rs.getString("reason"), date(rs, "leave_date"),
                Exit.State.valueOf(rs.getString("state")), rs.getString("opened_by"), instant(rs, "opened_at"),
                rs.getString("completed_by"), instant(rs, "completed_at"), (Long) rs.getObject("commitment_id", Long.class),
                date(rs, "cool_off_start"), date(rs, "cool_off_end"), rs.getString("entrusted_to"),
                date(rs, "entrusted_on"), instant(rs, "cool_off_closed_at"));
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
