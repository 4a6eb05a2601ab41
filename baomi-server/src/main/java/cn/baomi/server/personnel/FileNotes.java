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

/** Reminder talks and major-matter reports, per person. Rows are added, never changed. */
@Repository
class FileNotes {

    private final JdbcClient jdbc;

    FileNotes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(FileNote n) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into personnel_notes (person_id, kind, happened_on, category, counterpart, summary, recorded_by, "
                        + "recorded_at) values (?,?,?,?,?,?,?,?)")
                .params(n.personId(), n.kind().name(), Date.valueOf(n.happenedOn()), n.category(), n.counterpart(),
                        n.summary(), n.recordedBy(), Timestamp.from(Instant.now()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    List<FileNote> of(long personId, NoteKind kind) {
        return jdbc.sql("select * from personnel_notes where person_id = ? and kind = ? order by happened_on desc, id desc")
                .params(personId, kind.name()).query(FileNotes::map).list();
    }

    private static FileNote map(ResultSet rs, int row) throws SQLException {
        return new FileNote(rs.getLong("id"), rs.getLong("person_id"), NoteKind.valueOf(rs.getString("kind")),
                rs.getObject("happened_on", LocalDate.class), rs.getString("category"), rs.getString("counterpart"),
                rs.getString("summary"), rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant());
    }
}
