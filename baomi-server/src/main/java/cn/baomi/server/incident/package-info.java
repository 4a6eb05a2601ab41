/**
 * Incidents (泄密事件, domain.md §13): a record for every secret that is or may be leaked. The first kind is a lost
 * carrier copy, opened from {@link cn.baomi.server.carrier.CopyReportedLost} in the transaction of the report. Only
 * the secrecy office of the unit (or of a unit above it) reads incidents, and every read is audited
 * (docs/decisions/incidents.md). Nothing here is used by other modules.
 */
package cn.baomi.server.incident;
