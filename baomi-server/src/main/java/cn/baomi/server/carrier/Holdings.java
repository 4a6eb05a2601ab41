package cn.baomi.server.carrier;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who holds copies (持有情况): per custodian the copies still held (live, waiting for a receiver, lent, carried out
 * or archived), and the copies waiting for a receiver, lent out or carried out.
 */
@Repository
class Holdings {

    record Holder(long personId, long copies) {
    }

    private static final String HELD = "('LIVE', 'HANDOVER_PENDING', 'LENT', 'CARRIED_OUT', 'ARCHIVED')";

    private final JdbcClient jdbc;

    Holdings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Holder> holders(Set<Long> unitIds) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select custodian_id, count(*) from carrier_copies where unit_id in (:units) and status in " + HELD
                        + " group by custodian_id order by custodian_id")
                .param("units", List.copyOf(unitIds)).query((rs, n) -> new Holder(rs.getLong(1), rs.getLong(2))).list();
    }

    /** Copies of the units in one state (hand-overs not yet confirmed, or lent). */
    List<Copy> inState(Set<Long> unitIds, CopyStatus status) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(Copies.SELECT + " where cp.unit_id in (:units) and cp.status = :status order by cp.id")
                .param("units", List.copyOf(unitIds)).param("status", status.name()).query(Copies::map).list();
    }

    /** Hand-overs waiting for this person to confirm (待我确认的交接). */
    List<Copy> waitingFor(long personId) {
        return jdbc.sql(Copies.SELECT + " where cp.pending_custodian_id = ? and cp.status = 'HANDOVER_PENDING' order by cp.id")
                .param(personId).query(Copies::map).list();
    }

    /** Copies lent or carried out past their due date that this person borrowed or carries, or is custodian of. */
    List<Copy> overdueFor(long personId, LocalDate today, CopyStatus status) {
        return jdbc.sql(Copies.SELECT + " where cp.status = ? and cp.due_date < ? and (cp.borrower_id = ? or cp.custodian_id = ?)"
                        + " order by cp.due_date")
                .params(status.name(), Date.valueOf(today), personId, personId).query(Copies::map).list();
    }
}
