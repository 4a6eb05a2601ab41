package cn.baomi.server.personnel;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Training hours, per person. Rows are added, never changed. */
@Repository
class Trainings {

    private final JdbcClient jdbc;

    Trainings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(Training t) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into personnel_trainings (person_id, kind, trained_on, topic, hours, test_passed, recorded_by, "
                        + "recorded_at) values (?,?,?,?,?,?,?,?)")
                .params(t.personId(), t.kind().name(), Date.valueOf(t.trainedOn()), t.topic(), t.hours(), t.testPassed(),
                        t.recordedBy(), Timestamp.from(Instant.now()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    List<Training> of(long personId) {
        return jdbc.sql("select * from personnel_trainings where person_id = ? order by trained_on desc, id desc")
                .param(personId).query(Trainings::map).list();
    }

    private static Training map(ResultSet rs, int row) throws SQLException {
        return new Training(rs.getLong("id"), rs.getLong("person_id"), TrainingKind.valueOf(rs.getString("kind")),
                rs.getObject("trained_on", LocalDate.class), rs.getString("topic"), rs.getBigDecimal("hours"),
                rs.getObject("test_passed", Boolean.class), rs.getString("recorded_by"),
                rs.getTimestamp("recorded_at").toInstant());
    }
}
