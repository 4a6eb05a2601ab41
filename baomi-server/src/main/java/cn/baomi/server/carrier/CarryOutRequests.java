package cn.baomi.server.carrier;

import java.sql.Date;
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

/** Carry-out requests. Deciding and using one are conditional updates, so each happens once. */
@Repository
class CarryOutRequests {

    private final JdbcClient jdbc;

    CarryOutRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(CarryOutRequest r) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into carry_out_requests (carrier_id, copy_id, unit_id, destination, abroad, due_back, reason,
                    requester_person_id, requested_by, state, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.carrierId(), r.copyId(), r.unitId(), r.destination(), r.abroad(), Date.valueOf(r.dueBack()),
                        r.reason(), r.requesterPersonId(), r.requestedBy(), RequestState.PENDING.name(), now())
                .update(key, "id");
        return key.getKey().longValue();
    }

    void linkApproval(long id, long approvalId) {
        jdbc.sql("update carry_out_requests set approval_id = ? where id = ?").params(approvalId, id).update();
    }

    Optional<CarryOutRequest> find(long id) {
        return jdbc.sql("select * from carry_out_requests where id = ?").param(id).query(CarryOutRequests::map).optional();
    }

    List<CarryOutRequest> ofCarrier(long carrierId) {
        return jdbc.sql("select * from carry_out_requests where carrier_id = ? order by id desc").param(carrierId)
                .query(CarryOutRequests::map).list();
    }

    /** The oldest granted, not yet used request for the copy. */
    Optional<CarryOutRequest> grantedFor(long copyId) {
        return jdbc.sql("select * from carry_out_requests where copy_id = ? and state = 'GRANTED' order by id")
                .param(copyId).query(CarryOutRequests::map).stream().findFirst();
    }

    boolean openFor(long copyId) {
        return jdbc.sql("select count(*) from carry_out_requests where copy_id = ? and state in ('PENDING', 'GRANTED')")
                .param(copyId).query(Long.class).single() > 0;
    }

    /** False when the request was already decided. */
    boolean decide(long id, long approvalId, RequestState state, String opinion) {
        return jdbc.sql("""
                update carry_out_requests set state = ?, opinion = ?, decided_at = ?
                where id = ? and approval_id = ? and state = 'PENDING'""")
                .params(state.name(), opinion, now(), id, approvalId).update() == 1;
    }

    /** False when the request was used meanwhile. */
    boolean use(long id) {
        return jdbc.sql("update carry_out_requests set state = 'USED' where id = ? and state = 'GRANTED'")
                .param(id).update() == 1;
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    static CarryOutRequest map(ResultSet rs, int row) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new CarryOutRequest(rs.getLong("id"), rs.getLong("carrier_id"), rs.getLong("copy_id"),
                rs.getLong("unit_id"), rs.getString("destination"), rs.getBoolean("abroad"),
                rs.getDate("due_back").toLocalDate(), rs.getString("reason"), rs.getLong("requester_person_id"),
                rs.getString("requested_by"), (Long) rs.getObject("approval_id", Long.class),
                RequestState.valueOf(rs.getString("state")), rs.getString("opinion"),
                rs.getTimestamp("created_at").toInstant(), decided == null ? null : decided.toInstant());
    }
}
