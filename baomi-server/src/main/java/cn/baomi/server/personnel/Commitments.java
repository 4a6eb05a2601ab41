package cn.baomi.server.personnel;

import java.time.LocalDate;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.baomi.server.audit.AuditRecord;
import cn.baomi.server.audit.AuditTrail;
import cn.baomi.server.shared.BusinessRuleViolation;
import cn.baomi.server.shared.CurrentUser;

/**
 * Commitments signed (保密承诺书), for the file's pages and for other modules (the exit records the exit
 * commitment here). Only the secrecy office of the person's unit (or above) records one; the scanned copy is
 * optional and kept encrypted. Each recording is audited.
 */
@Service
public class Commitments {

    private final PersonnelAccess access;
    private final SignedCommitments commitments;
    private final ScanStore scans;
    private final AuditTrail audit;

    Commitments(PersonnelAccess access, SignedCommitments commitments, ScanStore scans, AuditTrail audit) {
        this.access = access;
        this.commitments = commitments;
        this.scans = scans;
        this.audit = audit;
    }

    /**
     * Records that the person signed a commitment of this kind on that date, with an optional scanned copy
     * (PDF, JPEG or PNG within the size limit). 404 when {@code by} may not read the file, 403 when they may read
     * it but are not the secrecy office; a missing or future date, or a bad scan, is a rule violation.
     */
    @Transactional
    public long recordSigned(CurrentUser by, long personId, CommitmentKind kind, LocalDate signedOn, byte[] scan,
                             String scanFileName) {
        access.requireKeeper(by, personId);
        if (kind == null) {
            throw new BusinessRuleViolation("kind", "personnel.kind.required");
        }
        if (signedOn == null) {
            throw new BusinessRuleViolation("date", "personnel.date.required");
        }
        if (signedOn.isAfter(LocalDate.now())) {
            throw new BusinessRuleViolation("date", "personnel.date.future");
        }
        Long scanId = scan == null || scan.length == 0 ? null
                : scans.store("scan", personId, scan, scanFileName, by.username());
        long id = commitments.insert(personId, kind, signedOn, scanId, by.username());
        audit.record(AuditRecord.success("PERSONNEL_COMMITMENT_RECORDED", "person", personId)
                .withDetail(kind + " " + signedOn + (scanId == null ? "" : " scan=" + scanId)));
        return id;
    }

    /** Whether the person signed a commitment of this kind on or after the date. No access check: a fact for rules. */
    @Transactional(readOnly = true)
    public boolean hasSigned(long personId, CommitmentKind kind, LocalDate onOrAfter) {
        return commitments.exists(personId, kind, onOrAfter);
    }
}
