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

/** Excerpt and compilation requests with their sources. The decision is one conditional update from PENDING. */
@Repository
class CompilationRequests {

    private final JdbcClient jdbc;

    CompilationRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(CompilationRequest r) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into compilation_requests (unit_id, kind, title, carrier_type, copy_count, reason,
                    requester_person_id, requested_by, state, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.unitId(), r.kind().name(), r.title(), r.type().name(), r.count(), r.reason(),
                        r.requesterPersonId(), r.requestedBy(), RequestState.PENDING.name(), now())
                .update(key, "id");
        long id = key.getKey().longValue();
        for (long copyId : r.sourceCopyIds()) {
            jdbc.sql("insert into compilation_sources (request_id, copy_id) values (?, ?)").params(id, copyId).update();
        }
        return id;
    }

    void linkApproval(long id, long approvalId) {
        jdbc.sql("update compilation_requests set approval_id = ? where id = ?").params(approvalId, id).update();
    }

    Optional<CompilationRequest> find(long id) {
        return jdbc.sql("select * from compilation_requests where id = ?").param(id).query(this::map).optional();
    }

    /** The requests naming a copy of the carrier among their sources, newest first. */
    List<CompilationRequest> ofSourceCarrier(long carrierId) {
        return jdbc.sql("""
                select * from compilation_requests r where exists (select 1 from compilation_sources s
                    join carrier_copies cp on cp.id = s.copy_id where s.request_id = r.id and cp.carrier_id = ?)
                order by r.id desc""").param(carrierId).query(this::map).list();
    }

    boolean decide(long id, long approvalId, RequestState state, String opinion, Long resultCarrierId) {
        return jdbc.sql("""
                update compilation_requests set state = ?, opinion = ?, result_carrier_id = ?, decided_at = ?
                where id = ? and approval_id = ? and state = 'PENDING'""")
                .params(state.name(), opinion, resultCarrierId, now(), id, approvalId).update() == 1;
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    private CompilationRequest map(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        List<Long> sources = jdbc.sql("select copy_id from compilation_sources where request_id = ? order by copy_id")
                .param(id).query(Long.class).list();
        return new CompilationRequest(id, rs.getLong("unit_id"), CompilationKind.valueOf(rs.getString("kind")),
                rs.getString("title"), CarrierType.valueOf(rs.getString("carrier_type")), rs.getInt("copy_count"),
                rs.getString("reason"), rs.getLong("requester_person_id"), rs.getString("requested_by"),
                (Long) rs.getObject("approval_id", Long.class), RequestState.valueOf(rs.getString("state")),
                rs.getString("opinion"), (Long) rs.getObject("result_carrier_id", Long.class),
                rs.getTimestamp("created_at").toInstant(), sources);
    }
}
