package cn.baomi.server.carrier;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.baomi.server.audit.AuditRecord;
import cn.baomi.server.audit.AuditTrail;

/**
 * What the carrier ledger tells other modules about one person, for leaving the post (离岗离职, domain.md §3):
 * the copies they still answer for, and the revocation of the need-to-know scope entries that name them. It does
 * not check the caller's scope (like {@code PersonDirectory}): the caller shows the result only inside a record
 * it has already checked, and it never carries titles — ledger number, copy number, level and how it is held.
 */
@Service
public class CarrierHoldings {

    /** How a person answers for a copy. */
    public enum Hold {
        /** Custodian of a copy in the safe or a place (在册保管). */
        CUSTODIAN,
        /** Custodian of a copy whose hand-over to someone else is not yet confirmed (移交待确认). */
        HANDING_OVER,
        /** Named receiver of a hand-over not yet confirmed (待本人确认接收). */
        RECEIVING,
        /** Custodian of a copy lent to someone else (借出未还). */
        LENT_OUT,
        /** Borrower of a copy (借阅未还). */
        BORROWED,
        /** Custodian of a copy sent out and not yet received back (外发未收回). */
        SENT_OUT
    }

    /** One copy the person answers for. {@code level} is the secret level code (TOP_SECRET, SECRET, CONFIDENTIAL). */
    public record HeldCopy(long copyId, long carrierId, String ledgerNumber, int copyNumber, String level, Hold hold) {
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    CarrierHoldings(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Every copy, not destroyed or returned, that the person keeps, lends, borrows, hands over or is to receive. */
    @Transactional(readOnly = true)
    public List<HeldCopy> heldBy(long personId) {
        return jdbc.sql("""
                        select cp.id, cp.carrier_id, cp.ledger_number, cp.copy_number, c.secret_level, cp.status,
                               cp.custodian_id, cp.pending_custodian_id, cp.borrower_id
                        from carrier_copies cp join carriers c on c.id = cp.carrier_id
                        where cp.status in ('LIVE', 'HANDOVER_PENDING', 'LENT', 'SENT')
                          and (cp.custodian_id = :p or cp.pending_custodian_id = :p or cp.borrower_id = :p)
                        order by cp.ledger_number, cp.copy_number""")
                .param("p", personId)
                .query((rs, n) -> new HeldCopy(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5), hold(personId, CopyStatus.valueOf(rs.getString(6)), rs.getLong(7))))
                .list();
    }

    /**
     * Ends the person's own entries in need-to-know scopes (知悉范围中点名本人的条目): the rows stay for the
     * record with the time of revocation, and no longer let the person see or receive a copy. Entries naming a
     * department, position or unit are about the post, not the person, and stay. Returns how many were revoked.
     */
    @Transactional
    public int revokeScopeEntriesOf(long personId, String reason) {
        int revoked = jdbc.sql("update carrier_scope set revoked_at = ? where kind = 'PERSON' and ref_id = ? and revoked_at is null")
                .params(Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MILLIS)), personId).update();
        if (revoked > 0) {
            audit.record(AuditRecord.success("CARRIER_SCOPE_REVOKED", "person", personId)
                    .withDetail("entries=" + revoked + " " + reason));
        }
        return revoked;
    }

    private static Hold hold(long personId, CopyStatus status, long custodianId) {
        boolean custodian = custodianId == personId;
        return switch (status) {
            case HANDOVER_PENDING -> custodian ? Hold.HANDING_OVER : Hold.RECEIVING;
            case LENT -> custodian ? Hold.LENT_OUT : Hold.BORROWED;
            case SENT -> Hold.SENT_OUT;
            default -> Hold.CUSTODIAN;
        };
    }
}
