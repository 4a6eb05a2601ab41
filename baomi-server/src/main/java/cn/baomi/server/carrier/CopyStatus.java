package cn.baomi.server.carrier;

/**
 * The state of one copy. Destroyed and returned copies take no further event. An archived copy takes only a
 * change or declassification of its carrier (docs/decisions/carrier-ledger.md).
 */
enum CopyStatus {
    LIVE, HANDOVER_PENDING, LENT, SENT, CARRIED_OUT, ARCHIVED, DESTROYED, RETURNED;

    boolean closed() {
        return this == DESTROYED || this == RETURNED;
    }
}
