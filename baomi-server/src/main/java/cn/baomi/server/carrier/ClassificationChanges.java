package cn.baomi.server.carrier;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The append-only classification history of carriers. */
@Repository
class ClassificationChanges {

    private final JdbcClient jdbc;

    ClassificationChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void append(ClassificationChange c) {
        SecrecyDuration o = c.oldDuration();
        SecrecyDuration n = c.newDuration();
        jdbc.sql("""
                insert into classification_changes (carrier_id, kind, decided_by, decided_on, basis, old_level,
                    old_duration_kind, old_duration_amount, old_duration_until, old_duration_condition, old_scope,
                    new_level, new_duration_kind, new_duration_amount, new_duration_until, new_duration_condition,
                    new_scope, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(c.carrierId(), c.kind().name(), c.decidedBy(), Date.valueOf(c.decidedOn()), c.basis(),
                        c.oldLevel().name(), o.kind().name(), o.amount(), o.until(), o.condition(), c.oldScope(),
                        c.newLevel().name(), n.kind().name(), n.amount(), n.until(), n.condition(), c.newScope(),
                        c.recordedBy(), Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MILLIS)))
                .update();
    }

    List<ClassificationChange> ofCarrier(long carrierId) {
        return jdbc.sql("select * from classification_changes where carrier_id = ? order by id").param(carrierId)
                .query(ClassificationChanges::map).list();
    }

    private static ClassificationChange map(ResultSet rs, int row) throws SQLException {
        return new ClassificationChange(rs.getLong("id"), rs.getLong("carrier_id"),
                ClassificationChange.Kind.valueOf(rs.getString("kind")), rs.getString("decided_by"),
                rs.getDate("decided_on").toLocalDate(), rs.getString("basis"),
                SecretLevel.valueOf(rs.getString("old_level")), duration(rs, "old_"), rs.getString("old_scope"),
                SecretLevel.valueOf(rs.getString("new_level")), duration(rs, "new_"), rs.getString("new_scope"),
                rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant());
    }

    private static SecrecyDuration duration(ResultSet rs, String prefix) throws SQLException {
        Date until = rs.getDate(prefix + "duration_until");
        return new SecrecyDuration(SecrecyDuration.Kind.valueOf(rs.getString(prefix + "duration_kind")),
                (Integer) rs.getObject(prefix + "duration_amount", Integer.class),
                until == null ? null : until.toLocalDate(), rs.getString(prefix + "duration_condition"));
    }
}
