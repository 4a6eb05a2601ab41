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

/** The commitments signed, per person. Rows are added, never changed. */
@Repository
class SignedCommitments {

    private final JdbcClient jdbc;

    SignedCommitments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long personId, CommitmentKind kind, LocalDate signedOn, Long scanId, String by) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into personnel_commitments (person_id, kind, signed_on, attachment_id, recorded_by, recorded_at) "
                        + "values (?,?,?,?,?,?)")
                .params(personId, kind.name(), Date.valueOf(signedOn), scanId, by, Timestamp.from(Instant.now()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    boolean exists(long personId, CommitmentKind kind, LocalDate onOrAfter) {
        return jdbc.sql("select count(*) from personnel_commitments where person_id = ? and kind = ? and signed_on >= ?")
                .params(personId, kind.name(), Date.valueOf(onOrAfter)).query(Long.class).single() > 0;
    }

    List<Commitment> of(long personId) {
        return jdbc.sql("select * from personnel_commitments where person_id = ? order by signed_on desc, id desc")
                .param(personId).query(SignedCommitments::map).list();
    }

    private static Commitment map(ResultSet rs, int row) throws SQLException {
        return new Commitment(rs.getLong("id"), rs.getLong("person_id"), CommitmentKind.valueOf(rs.getString("kind")),
                rs.getObject("signed_on", LocalDate.class), rs.getObject("attachment_id", Long.class),
                rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant());
    }
}
