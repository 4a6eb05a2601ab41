package cn.baomi.server.carrier;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Destruction lists and their copies. Every change of state is one conditional update from the expected state. */
@Repository
class DestructionLists {

    private final JdbcClient jdbc;

    DestructionLists(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long unitId, String reason, SecretLevel level, String createdBy, Collection<Long> copyIds) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into destruction_lists (unit_id, reason, secret_level, state, created_by, created_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(unitId, reason, level.name(), DestructionState.PENDING.name(), createdBy, now())
                .update(key, "id");
        long id = key.getKey().longValue();
        for (long copyId : copyIds) {
            jdbc.sql("insert into destruction_list_copies (list_id, copy_id) values (?, ?)").params(id, copyId).update();
        }
        return id;
    }

    void linkApproval(long id, long approvalId) {
        jdbc.sql("update destruction_lists set approval_id = ? where id = ?").params(approvalId, id).update();
    }

    /** The copies among {@code copyIds} already on a list that is neither refused nor withdrawn. */
    List<Long> alreadyListed(Collection<Long> copyIds) {
        return jdbc.sql("""
                select lc.copy_id from destruction_list_copies lc join destruction_lists l on l.id = lc.list_id
                where lc.copy_id in (:copies) and l.state not in ('REFUSED', 'WITHDRAWN')""")
                .param("copies", copyIds).query(Long.class).list();
    }

    /** The pending or approved list the copy is on, if any. */
    Optional<Long> openListOf(long copyId) {
        return jdbc.sql("""
                select l.id from destruction_list_copies lc join destruction_lists l on l.id = lc.list_id
                where lc.copy_id = ? and l.state in ('PENDING', 'APPROVED')""")
                .param(copyId).query(Long.class).list().stream().findFirst();
    }

    Optional<DestructionList> find(long id) {
        return jdbc.sql("select * from destruction_lists where id = ?").param(id).query(this::map).optional();
    }

    List<DestructionList> ofUnits(Collection<Long> unitIds) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from destruction_lists where unit_id in (:units) order by id desc")
                .param("units", unitIds).query(this::map).list();
    }

    /** False when the list was no longer pending. */
    boolean decide(long id, long approvalId, DestructionState state, String opinion) {
        return jdbc.sql("""
                update destruction_lists set state = ?, opinion = ?
                where id = ? and approval_id = ? and state = 'PENDING'""")
                .params(state.name(), opinion, id, approvalId).update() == 1;
    }

    /** Records the hand-over to the destruction body; false when the list was no longer approved. */
    boolean complete(long id, String body, String certificateNumber, LocalDate certificateDate, long destroyerId,
                     long witnessId, String completedBy) {
        return jdbc.sql("""
                update destruction_lists set state = 'COMPLETED', destruction_body = ?, certificate_number = ?,
                    certificate_date = ?, destroyer_id = ?, witness_id = ?, completed_by = ?, completed_at = ?
                where id = ? and state = 'APPROVED'""")
                .params(body, certificateNumber, certificateDate, destroyerId, witnessId, completedBy, now(), id)
                .update() == 1;
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    private DestructionList map(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        java.sql.Date date = rs.getDate("certificate_date");
        Timestamp completed = rs.getTimestamp("completed_at");
        List<Long> copies = jdbc.sql("select copy_id from destruction_list_copies where list_id = ? order by copy_id")
                .param(id).query(Long.class).list();
        return new DestructionList(id, rs.getLong("unit_id"), rs.getString("reason"),
                SecretLevel.valueOf(rs.getString("secret_level")), DestructionState.valueOf(rs.getString("state")),
                (Long) rs.getObject("approval_id", Long.class), rs.getString("opinion"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("destruction_body"),
                rs.getString("certificate_number"), date == null ? null : date.toLocalDate(),
                (Long) rs.getObject("destroyer_id", Long.class), (Long) rs.getObject("witness_id", Long.class),
                rs.getString("completed_by"), completed == null ? null : completed.toInstant(), copies);
    }
}
