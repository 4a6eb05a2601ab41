package cn.baomi.server.carrier;

/**
 * The state of one copy. Destroyed and returned copies take no further event; a lost copy only being found
 * ({@link LossService}).
 */
enum CopyStatus {
    LIVE, HANDOVER_PENDING, LENT, SENT, DESTROYED, RETURNED, LOST;

    boolean closed() {
        return this == DESTROYED || this == RETURNED;
    }
}
