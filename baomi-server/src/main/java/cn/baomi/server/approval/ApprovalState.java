package cn.baomi.server.approval;

/** An approval's life: pending until every step approves (granted), one rejects (refused) or the requester withdraws. */
enum ApprovalState {
    PENDING, GRANTED, REFUSED, WITHDRAWN
}
