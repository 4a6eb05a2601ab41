package cn.baomi.server.personnel.exit;

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

/** Resignation requests; a decision is one conditional update on the FILED state. */
@Repository
class Resignations {

    private static final String SELECT = "select id, person_id, unit_id, filed_on, note, state, filed_by, decided_by,"
            + " decided_at, opinion from personnel_resignations";

    private final JdbcClient jdbc;

    Resignations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long personId, long unitId, LocalDate filedOn, String note, String by) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into personnel_resignations (person_id, unit_id, filed_on, note, state, filed_by)"
                        + " values (?, ?, ?, ?, 'FILED', ?)")
                .params(personId, unitId, Date.valueOf(filedOn), note, by).update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    Optional<Resignation> find(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(Resignations::map).optional();
    }

    List<Resignation> ofPerson(long personId) {
        return jdbc.sql(SELECT + " where person_id = ? order by id desc").param(personId).query(Resignations::map).list();
    }

    boolean decide(long id, Resignation.State state, String by, Instant at, String opinion) {
        return jdbc.sql("update personnel_resignations set state = ?, decided_by = ?, decided_at = ?, opinion = ?"
                        + " where id = ? and state = 'FILED'")
                .params(state.name(), by, Timestamp.from(at), opinion, id).update() == 1;
    }

    private static Resignation map(ResultSet rs, int n) throws SQLException {
        return new Resignation(rs.getLong("id"), rs.getLong("person_id"), rs.getLong("unit_id"),
                Exits.date(rs, "filed_on"), rs.getString("note"), Resignation.State.valueOf(rs.getString("state")),
                rs.getString("filed_by"), rs.getString("decided_by"), Exits.instant(rs, "decided_at"),
                rs.getString("opinion"));
    }
}
