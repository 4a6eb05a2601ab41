package cn.baomi.server.carrier;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Copy requests. The decision is one conditional update from PENDING, so a request is decided once. */
@Repository
class CopyRequests {

    private final JdbcClient jdbc;

    CopyRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(CopyRequest r) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into copy_requests (carrier_id, source_copy_id, unit_id, copy_count, reason, requester_person_id,
                    requested_by, state, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.carrierId(), r.sourceCopyId(), r.unitId(), r.count(), r.reason(), r.requesterPersonId(),
                        r.requestedBy(), CopyRequestState.PENDING.name(), now())
                .update(key, "id");
        return key.getKey().longValue();
    }

    void linkApproval(long id, long approvalId) {
        jdbc.sql("update copy_requests set approval_id = ? where id = ?").params(approvalId, id).update();
    }

    Optional<CopyRequest> find(long id) {
        return jdbc.sql("select * from copy_requests where id = ?").param(id).query(CopyRequests::map).optional();
    }

    List<CopyRequest> ofCarrier(long carrierId) {
        return jdbc.sql("select * from copy_requests where carrier_id = ? order by id desc").param(carrierId)
                .query(CopyRequests::map).list();
    }

    /** False when the request was already decided. */
    boolean decide(long id, long approvalId, CopyRequestState state, String opinion) {
        return jdbc.sql("""
                update copy_requests set state = ?, opinion = ?, decided_at = ?
                where id = ? and approval_id = ? and state = 'PENDING'""")
                .params(state.name(), opinion, now(), id, approvalId).update() == 1;
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    static CopyRequest map(ResultSet rs, int row) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new CopyRequest(rs.getLong("id"), rs.getLong("carrier_id"), rs.getLong("source_copy_id"),
                rs.getLong("unit_id"), rs.getInt("copy_count"), rs.getString("reason"),
                rs.getLong("requester_person_id"), rs.getString("requested_by"),
                (Long) rs.getObject("approval_id", Long.class), CopyRequestState.valueOf(rs.getString("state")),
                rs.getString("opinion"), rs.getTimestamp("created_at").toInstant(),
                decided == null ? null : decided.toInstant());
    }
}
