package cn.baomi.server.approval;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import cn.baomi.server.shared.Role;

/** The approvals and their steps. A decision moves an approval on only if it is still at the step decided. */
@Repository
class Approvals {

    private static final String SELECT = "select a.id, a.kind, a.subject_type, a.subject_id, a.summary, a.secret_level, "
            + "a.abroad, a.requester_account_id, a.requester_name, a.requester_person_id, a.applicant_person_id, "
            + "a.applicant_name, a.unit_id, a.department_id, "
            + "a.state, a.current_step, a.requested_at, a.closed_at from approvals a ";
    private final JdbcClient jdbc;

    Approvals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(Approval a) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into approvals (kind, subject_type, subject_id, summary, secret_level, abroad, "
                        + "requester_account_id, requester_name, requester_person_id, applicant_person_id, applicant_name, "
                        + "unit_id, department_id, state, current_step, requested_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(a.kind(), a.subjectType(), a.subjectId(), a.summary(), a.level(), a.abroad(),
                        a.requesterAccountId(), a.requesterName(), a.requesterPersonId(), a.applicantPersonId(),
                        a.applicantName(), a.unitId(), a.departmentId(),
                        a.state().name(), a.currentStep(), Timestamp.from(a.requestedAt()))
                .update(key, "id");
        long id = key.getKey().longValue();
        for (ApprovalStep s : a.steps()) {
            jdbc.sql("insert into approval_steps (approval_id, step_no, role, unit_id, department_id, state) "
                            + "values (?, ?, ?, ?, ?, ?)")
                    .params(id, s.stepNo(), s.role().name(), s.unitId(), s.departmentId(), s.state().name()).update();
        }
        return id;
    }

    Optional<Approval> find(long id) {
        return jdbc.sql(SELECT + "where a.id = ?").param(id).query(Approvals::map).optional()
                .map(a -> a.withSteps(steps(id)));
    }

    List<ApprovalStep> steps(long approvalId) {
        return jdbc.sql("select step_no, role, unit_id, department_id, state, decider_account_id, decider_name, opinion, "
                        + "decided_at from approval_steps where approval_id = ? order by step_no")
                .param(approvalId).query(Approvals::mapStep).list();
    }

    /**
     * Closes or advances the approval if it is still pending at {@code step}: true for exactly one of
     * several simultaneous decisions, because the row is updated only while the condition holds.
     */
    boolean move(long id, int step, ApprovalState state, int nextStep, Instant now) {
        return jdbc.sql("update approvals set state = ?, current_step = ?, closed_at = ? "
                        + "where id = ? and state = 'PENDING' and current_step = ?")
                .params(state.name(), nextStep, state == ApprovalState.PENDING ? null : Timestamp.from(now), id, step)
                .update() == 1;
    }

    void decideStep(long id, int step, StepState state, long deciderAccountId, String deciderName, String opinion,
                    Instant now) {
        jdbc.sql("update approval_steps set state = ?, decider_account_id = ?, decider_name = ?, opinion = ?, "
                        + "decided_at = ? where approval_id = ? and step_no = ?")
                .params(state.name(), deciderAccountId, deciderName, opinion, Timestamp.from(now), id, step).update();
    }

    void openStep(long id, int step) {
        jdbc.sql("update approval_steps set state = 'PENDING' where approval_id = ? and step_no = ?").params(id, step)
                .update();
    }

    /** The requests of the account, and those the secrecy office filed on behalf of the account's person. */
    List<Approval> ofRequester(long accountId, Long personId, int limit, int offset) {
        return jdbc.sql(SELECT + "where a.requester_account_id = ? or a.applicant_person_id = ? "
                        + "order by a.id desc limit ? offset ?")
                .params(accountId, personId == null ? -1L : personId, limit, offset).query(Approvals::map).list();
    }

    long countOfRequester(long accountId, Long personId) {
        return jdbc.sql("select count(*) from approvals where requester_account_id = ? or applicant_person_id = ?")
                .params(accountId, personId == null ? -1L : personId).query(Long.class).single();
    }

    List<Approval> pendingFor(Decider d, int limit, int offset) {
        return jdbc.sql(SELECT + PENDING_FOR + " order by a.id limit :limit offset :offset")
                .params(d.params()).param("limit", limit).param("offset", offset).query(Approvals::map).list();
    }

    long countPendingFor(Decider d) {
        return jdbc.sql("select count(*) from approvals a " + PENDING_FOR).params(d.params()).query(Long.class).single();
    }

    private static final String PENDING_FOR = "join approval_steps s on s.approval_id = a.id "
            + "and s.step_no = a.current_step where a.state = 'PENDING' and s.unit_id = :unitId and s.role in (:roles) "
            + "and (s.role <> 'DEPARTMENT_HEAD' or s.department_id = :departmentId) "
            + "and a.requester_account_id <> :accountId and a.requester_person_id <> :personId "
            + "and (a.applicant_person_id is null or a.applicant_person_id <> :personId)";

    private static Approval map(ResultSet rs, int row) throws SQLException {
        return new Approval(rs.getLong("id"), rs.getString("kind"), rs.getString("subject_type"),
                rs.getString("subject_id"), rs.getString("summary"), rs.getString("secret_level"),
                rs.getBoolean("abroad"), rs.getLong("requester_account_id"), rs.getString("requester_name"),
                rs.getLong("requester_person_id"), rs.getObject("applicant_person_id", Long.class),
                rs.getString("applicant_name"), rs.getLong("unit_id"), rs.getObject("department_id", Long.class),
                ApprovalState.valueOf(rs.getString("state")), rs.getInt("current_step"), instant(rs, "requested_at"),
                instant(rs, "closed_at"), List.of());
    }

    private static ApprovalStep mapStep(ResultSet rs, int row) throws SQLException {
        return new ApprovalStep(rs.getInt("step_no"), Role.valueOf(rs.getString("role")), rs.getLong("unit_id"),
                rs.getObject("department_id", Long.class), StepState.valueOf(rs.getString("state")),
                rs.getObject("decider_account_id", Long.class), rs.getString("decider_name"), rs.getString("opinion"),
                instant(rs, "decided_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
