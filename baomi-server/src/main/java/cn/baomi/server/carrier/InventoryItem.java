package cn.baomi.server.carrier;

import java.time.Instant;

/**
 * One copy of an inventory's snapshot: where the ledger had it at opening (custodian, safe or place), where it is
 * now (current custodian and status), and its confirmation, if any: by whom, when, a place other than the ledger's,
 * and the mismatch it showed; or that closing the inventory reported it lost.
 */
record InventoryItem(long inventoryId, long copyId, long carrierId, String ledgerNumber, String title, SecretLevel level,
                     long custodianId, Long safeId, String safeNumber, String place, long currentCustodianId,
                     CopyStatus currentStatus, Long confirmedPersonId, String confirmedBy, Instant confirmedAt,
                     String foundPlace, Mismatch mismatch, boolean reportedLost) {

    /** Why a confirmed copy does not match the ledger. */
    enum Mismatch {
        /** Confirmed by someone other than its custodian (the secrecy office, on the custodian's behalf). */
        OTHER_PERSON,
        /** Confirmed by its custodian, but found at a place other than the ledger's. */
        OTHER_PLACE
    }

    public boolean confirmed() {
        return confirmedAt != null;
    }

    /** Missing: not confirmed, and still held by the ledger or reported lost by closing the inventory. */
    public boolean missing() {
        return !confirmed() && (held() || reportedLost);
    }

    /** Still held in the unit by the ledger: an unconfirmed copy in one of these states is missing. */
    public boolean held() {
        return currentStatus == CopyStatus.LIVE || currentStatus == CopyStatus.HANDOVER_PENDING
                || currentStatus == CopyStatus.LENT;
    }
}
