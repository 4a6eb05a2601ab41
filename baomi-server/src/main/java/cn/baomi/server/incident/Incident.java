package cn.baomi.server.incident;

import java.time.Instant;

/**
 * One incident of a unit: its kind and status, who reported it and when, what happened, and for a lost carrier the
 * copy (by id and ledger number, never its title), its level, its last custodian and the inventory that missed it.
 */
record Incident(long id, long unitId, IncidentKind kind, IncidentStatus status, String reportedBy,
                Long reporterPersonId, Instant reportedAt, String description, Long carrierId, Long copyId,
                String ledgerNumber, String level, Long lastCustodianId, Long inventoryId) {
}
