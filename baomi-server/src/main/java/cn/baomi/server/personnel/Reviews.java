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

/** Background reviews, per person. Rows are added, never changed. */
@Repository
class Reviews {

    private final JdbcClient jdbc;

    Reviews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(Review r) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into personnel_reviews (person_id, kind, reviewed_on, reviewer, outcome, note, attachment_id, "
                        + "recorded_by, recorded_at) values (?,?,?,?,?,?,?,?,?)")
                .params(r.personId(), r.kind().name(), Date.valueOf(r.reviewedOn()), r.reviewer(), r.outcome().name(),
                        r.note(), r.scanId(), r.recordedBy(), Timestamp.from(Instant.now()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    List<Review> of(long personId) {
        return jdbc.sql("select * from personnel_reviews where person_id = ? order by reviewed_on desc, id desc")
                .param(personId).query(Reviews::map).list();
    }

    private static Review map(ResultSet rs, int row) throws SQLException {
        return new Review(rs.getLong("id"), rs.getLong("person_id"), ReviewKind.valueOf(rs.getString("kind")),
                rs.getObject("reviewed_on", LocalDate.class), rs.getString("reviewer"),
                ReviewOutcome.valueOf(rs.getString("outcome")), rs.getString("note"),
                rs.getObject("attachment_id", Long.class), rs.getString("recorded_by"),
                rs.getTimestamp("recorded_at").toInstant());
    }
}
