package cn.baomi.server.carrier;

import java.time.Instant;

/**
 * A copy was reported lost (报告丢失), by its holder or the secrecy office, or by closing an inventory that did not
 * find it ({@code inventoryId}). Published in the transaction that marks the copy LOST, so whoever records the
 * incident does so in the same transaction. Carries no title: {@code level} is the name of the copy's level
 * (TOP_SECRET, SECRET, CONFIDENTIAL).
 */
public record CopyReportedLost(long copyId, long carrierId, long unitId, String ledgerNumber, String level,
                               long lastCustodianId, String reportedBy, Long reporterPersonId, Instant reportedAt,
                               String description, Long inventoryId) {
}
