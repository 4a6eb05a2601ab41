package cn.baomi.server.approval;

/** A step waits for the steps before it, is pending while it is the current one, then is approved or rejected. */
enum StepState {
    WAITING, PENDING, APPROVED, REJECTED
}
