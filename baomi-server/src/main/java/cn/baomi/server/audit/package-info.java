/**
 * The audit trail (审计日志): append-only events chained with SM3 so that changing or removing any row is
 * detected. Other modules call {@link cn.baomi.server.audit.AuditTrail}; nothing may update or delete a row.
 */
package cn.baomi.server.audit;
