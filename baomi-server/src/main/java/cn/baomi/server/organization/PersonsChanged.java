package cn.baomi.server.organization;

/**
 * Published by anything that writes the {@code persons} table other than through the organisation's repositories
 * (a data import, a test fixture): the persons kept in memory for access checks are dropped
 * ({@link OrganizationChanges}; docs/decisions/ledger-performance.md, "Caches of data that rarely changes").
 */
public record PersonsChanged() {
}
