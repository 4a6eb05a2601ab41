package cn.baomi.server.personnel.travel;

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

/** The travel requests; a decision moves a PENDING request once. */
@Repository
class Travels {

    private static final String SELECT = """
            select id, person_id, unit_id, destination, purpose, depart_on, return_on, state, during_cool_off, approval_id,
                   opinion, requested_by, requested_at, decided_at
            from personnel_travels""";

    private final JdbcClient jdbc;

    Travels(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long personId, long unitId, String destination, String purpose, LocalDate departOn, LocalDate returnOn,
                Travel.State state, boolean duringCoolOff, String by, Instant at) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into personnel_travels (person_id, unit_id, destination, purpose, depart_on, return_on, state,
                            during_cool_off, requested_by, requested_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(personId, unitId, destination, purpose, Date.valueOf(departOn), Date.valueOf(returnOn),
                        state.name(), duringCoolOff, by, Timestamp.from(at))
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    void setApproval(long id, long approvalId) {
        jdbc.sql("update personnel_travels set approval_id = ? where id = ?").params(approvalId, id).update();
    }

    boolean decide(long id, Travel.State state, String opinion, Instant at) {
        return jdbc.sql("update personnel_travels set state = ?, opinion = ?, decided_at = ? where id = ? and state = 'PENDING'")
                .params(state.name(), opinion, Timestamp.from(at), id).update() == 1;
    }

    Optional<Travel> find(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(Travels::map).optional();
    }

    List<Travel> inUnits(Set<Long> unitIds) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where unit_id in (:units) order by id desc").param("units", List.copyOf(unitIds))
                .query(Travels::map).list();
    }

    List<Travel> ofPerson(long personId) {
        return jdbc.sql(SELECT + " where person_id = ? order by id desc").param(personId).query(Travels::map).list();
    }

    private static Travel map(ResultSet rs, int n) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new Travel(rs.getLong("id"), rs.getLong("person_id"), rs.getLong("unit_id"), rs.getString("destination"),
                rs.getString("purpose"), rs.getDate("depart_on").toLocalDate(), rs.getDate("return_on").toLocalDate(),
                Travel.State.valueOf(rs.getString("state")), rs.getBoolean("during_cool_off"),
                rs.getObject("approval_id", Long.class), rs.getString("opinion"), rs.getString("requested_by"),
                rs.getTimestamp("requested_at").toInstant(), decided == null ? null : decided.toInstant());
    }
}
