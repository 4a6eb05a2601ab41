package cn.baomi.server.carrier;

import java.time.LocalDate;

/**
 * One copy (份) and its current state: exactly one custodian and one place (a safe or a named place), a
 * receiver while a hand-over waits for confirmation, a borrower and due date while lent. The level is its carrier's,
 * read with the copy so that an event checking a holder's clearance needs no second read.
 */
record Copy(long id, long carrierId, long unitId, int copyNumber, String ledgerNumber, long custodianId,
            Long pendingCustodianId, Long borrowerId, LocalDate dueDate, Long safeId, String safeNumber, String place,
            CopyStatus status, int version, SecretLevel level) {

    /** The same copy in another state; custodian, place and the rest stay unless given. */
    Copy with(CopyStatus newStatus) {
        return new Copy(id, carrierId, unitId, copyNumber, ledgerNumber, custodianId, pendingCustodianId, borrowerId,
                dueDate, safeId, safeNumber, place, newStatus, version, level);
    }

    Copy withCustody(long custodian, Long pending) {
        return new Copy(id, carrierId, unitId, copyNumber, ledgerNumber, custodian, pending, borrowerId, dueDate, safeId,
                safeNumber, place, status, version, level);
    }

    Copy withLoan(Long borrower, LocalDate due) {
        return new Copy(id, carrierId, unitId, copyNumber, ledgerNumber, custodianId, pendingCustodianId, borrower, due,
                safeId, safeNumber, place, status, version, level);
    }

    Copy withPlace(Long safe, String newPlace) {
        return new Copy(id, carrierId, unitId, copyNumber, ledgerNumber, custodianId, pendingCustodianId, borrowerId,
                dueDate, safe, null, newPlace, status, version, level);
    }
}
