package cn.baomi.server.carrier;

/** A destruction list waits for approval, is approved or refused, and once completed is read-only. */
enum DestructionState {
    PENDING, APPROVED, REFUSED, COMPLETED
}
