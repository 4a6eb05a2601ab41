package cn.baomi.server.carrier;

/**
 * A destruction list waits for approval, is approved, refused or withdrawn by its requester (its copies are free
 * again), and once completed is read-only.
 */
enum DestructionState {
    PENDING, APPROVED, REFUSED, COMPLETED, WITHDRAWN
}
