package cn.baomi.server.carrier;

/** The state of one copy. Destroyed and returned copies take no further event. */
enum CopyStatus {
    LIVE, HANDOVER_PENDING, LENT, SENT, DESTROYED, RETURNED;

    boolean closed() {
        return this == DESTROYED || this == RETURNED;
    }
}
