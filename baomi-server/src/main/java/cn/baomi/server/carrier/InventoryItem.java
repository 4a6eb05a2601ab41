package cn.baomi.server.carrier;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One copy of an inventory's snapshot: where the ledger had it at opening (custodian, safe or place), where it is
 * now (current custodian and status; while away, the borrower or the granted carry-out with its destination, and
 * the day it is due back), and its confirmation, if any: by whom, when, a place other than the ledger's, and the
 * mismatch it showed; or that closing the inventory reported it lost.
 */
record InventoryItem(long inventoryId, long copyId, long carrierId, String ledgerNumber, String title, SecretLevel level,
                     long custodianId, Long safeId, String safeNumber, String place, long currentCustodianId,
                     CopyStatus currentStatus, Long confirmedPersonId, String confirmedBy, Instant confirmedAt,
                     String foundPlace, Mismatch mismatch, boolean reportedLost, Long borrowerId, LocalDate dueDate,
                     Long carryOutApprovalId, String destination) {

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

    /**
     * Missing: not confirmed although it should be at its custodian's (live, waiting for a receiver, or in the
     * archive), or reported lost by closing the inventory.
     */
    public boolean missing() {
        return !confirmed() && (atHome() || reportedLost);
    }

    /**
     * Away (外出/借出): not confirmed, and lent or carried out with approval, due back — accounted for by the loan or
     * the carry-out, not missing; closing the inventory does not report it lost.
     */
    public boolean away() {
        return !confirmed() && (currentStatus == CopyStatus.LENT || currentStatus == CopyStatus.CARRIED_OUT);
    }

    /** Still answered for by the unit's ledger: its custodian (for an archived copy, the archive keeper) confirms it. */
    public boolean held() {
        return atHome() || currentStatus == CopyStatus.LENT || currentStatus == CopyStatus.CARRIED_OUT;
    }

    /** Where the custodian can lay hands on it now: live, waiting for a receiver, or in the archive. */
    boolean atHome() {
        return currentStatus == CopyStatus.LIVE || currentStatus == CopyStatus.HANDOVER_PENDING
                || currentStatus == CopyStatus.ARCHIVED;
    }
}
