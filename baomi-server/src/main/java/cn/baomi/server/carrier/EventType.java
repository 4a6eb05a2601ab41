package cn.baomi.server.carrier;

/**
 * What happened to a copy; each is one row of its append-only history. Two types only ask for an approval and
 * write no row themselves: {@code CARRY_OUT_REQUESTED} and {@code COMPILATION_REQUESTED} (the grant makes the
 * compilation's copies, with {@code COMPILED} rows). {@code RECLASSIFIED} and {@code DECLASSIFIED} are decisions on
 * the carrier, written as a row on each of its open copies.
 */
enum EventType {
    REGISTERED, RECEIVED, HANDOVER_REQUESTED, HANDOVER_CONFIRMED, HANDOVER_REFUSED, LENT, LOAN_RETURNED, SENT,
    RECEIVED_BACK, COPIED, DESTROYED,
    COMPILATION_REQUESTED, COMPILED, CARRY_OUT_REQUESTED, CARRIED_OUT, CARRIED_BACK, REPAIRED, RETURNED_TO_ISSUER,
    ARCHIVED, RECLASSIFIED, DECLASSIFIED,
    LOST_REPORTED, FOUND, HANDOVER_WITHDRAWN, RETRIEVED_FROM_ARCHIVE
}
