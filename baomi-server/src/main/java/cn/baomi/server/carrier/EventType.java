package cn.baomi.server.carrier;

/** What happened to a copy; each is one row of its append-only history. */
enum EventType {
    REGISTERED, RECEIVED, HANDOVER_REQUESTED, HANDOVER_CONFIRMED, HANDOVER_REFUSED, LENT, LOAN_RETURNED, SENT,
    RECEIVED_BACK, COPIED, DESTROYED,
    HANDOVER_WITHDRAWN
}
