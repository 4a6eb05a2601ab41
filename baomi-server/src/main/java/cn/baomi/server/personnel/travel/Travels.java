package cn.baomi.server.personnel.travel;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The travel requests. A decision moves a PENDING request once, and only while the deciding approval is still the
 * trip's (an edit replaces it); editing, withdrawing and cancelling are conditional updates on the state as read.
 */
@Repository
class Travels {

    private static final String SELECT = """
            select id, person_id, unit_id, destination, purpose, depart_on, return_on, state, during_cool_off, approval_id,
                   opinion, requested_by, requested_by_person, requested_at, decided_at, ended_by, ended_at
            from personnel_travels""";

    private final JdbcClient jdbc;

    Travels(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long personId, long unitId, String destination, String purpose, LocalDate departOn, LocalDate returnOn,
                Travel.State state, boolean duringCoolOff, Travel.Requester by, Instant at) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into personnel_travels (person_id, unit_id, destination, purpose, depart_on, return_on, state,
                            during_cool_off, requested_by, requested_by_person, requested_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(personId, unitId, destination, purpose, Date.valueOf(departOn), Date.valueOf(returnOn),
                        state.name(), duringCoolOff, by.username(), by.personId(), Timestamp.from(at))
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    void setApproval(long id, long approvalId) {
        jdbc.sql("update personnel_travels set approval_id = ? where id = ?").params(approvalId, id).update();
    }

    /** The decision of the trip's current approval on a PENDING trip. */
    boolean decide(long id, long approvalId, Travel.State state, String opinion, Instant at) {
        return jdbc.sql("update personnel_travels set state = ?, opinion = ?, decided_at = ? where id = ? and state = 'PENDING'"
                        + " and approval_id = ?")
                .params(state.name(), opinion, Timestamp.from(at), id, approvalId).update() == 1;
    }

    /**
     * New details of a trip that is still as read ({@code from}: same state, same approval): its new state and
     * approval (null: none), and who asked for that approval.
     */
    boolean edit(Travel from, String destination, String purpose, LocalDate departOn, LocalDate returnOn,
                 Travel.State state, boolean duringCoolOff, Long approvalId, Travel.Requester requestedBy) {
        String sameApproval = from.approvalId() == null ? "approval_id is null" : "approval_id = :fromApproval";
        return jdbc.sql("""
                        update personnel_travels set destination = :destination, purpose = :purpose, depart_on = :depart,
                            return_on = :back, state = :state, during_cool_off = :coolOff, approval_id = :approval,
                            requested_by = :by, requested_by_person = :byPerson
                        where id = :id and state = :fromState and """ + " " + sameApproval)
                .param("destination", destination).param("purpose", purpose).param("depart", Date.valueOf(departOn))
                .param("back", Date.valueOf(returnOn)).param("state", state.name()).param("coolOff", duringCoolOff)
                .param("approval", approvalId, Types.BIGINT).param("by", requestedBy.username())
                .param("byPerson", requestedBy.personId(), Types.BIGINT).param("id", from.id())
                .param("fromState", from.state().name()).param("fromApproval", from.approvalId(), Types.BIGINT)
                .update() == 1;
    }

    /** Ends a trip that is still in the state it was read in: WITHDRAWN or CANCELLED, by whom and when. */
    boolean end(Travel from, Travel.State state, String by, Instant at) {
        return jdbc.sql("update personnel_travels set state = ?, ended_by = ?, ended_at = ? where id = ? and state = ?")
                .params(state.name(), by, Timestamp.from(at), from.id(), from.state().name()).update() == 1;
    }

    Optional<Travel> find(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(Travels::map).optional();
    }

    List<Travel> inUnits(Set<Long> unitIds) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where unit_id in (:units) order by id desc").param("units", List.copyOf(unitIds))
                .query(Travels::map).list();
    }

    List<Travel> ofPerson(long personId) {
        return jdbc.sql(SELECT + " where person_id = ? order by id desc").param(personId).query(Travels::map).list();
    }

    private static Travel map(ResultSet rs, int n) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        Timestamp ended = rs.getTimestamp("ended_at");
        return new Travel(rs.getLong("id"), rs.getLong("person_id"), rs.getLong("unit_id"), rs.getString("destination"),
                rs.getString("purpose"), rs.getDate("depart_on").toLocalDate(), rs.getDate("return_on").toLocalDate(),
                Travel.State.valueOf(rs.getString("state")), rs.getBoolean("during_cool_off"),
                rs.getObject("approval_id", Long.class), rs.getString("opinion"),
                new Travel.Requester(rs.getString("requested_by"), rs.getObject("requested_by_person", Long.class)),
                rs.getTimestamp("requested_at").toInstant(), decided == null ? null : decided.toInstant(),
                rs.getString("ended_by"), ended == null ? null : ended.toInstant());
    }
}
