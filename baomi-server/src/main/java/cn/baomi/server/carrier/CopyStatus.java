package cn.baomi.server.carrier;

/**
 * The state of one copy. Destroyed and returned copies take no further event. An archived copy takes only being
 * taken out of the archive (调档/出档), destruction through a batch list, or a change or declassification of its
 * carrier (docs/decisions/carrier-ledger.md); a lost copy only being found ({@link LossService}).
 */
enum CopyStatus {
    LIVE, HANDOVER_PENDING, LENT, SENT, CARRIED_OUT, ARCHIVED, DESTROYED, RETURNED, LOST;

    boolean closed() {
        return this == DESTROYED || this == RETURNED;
    }
}
