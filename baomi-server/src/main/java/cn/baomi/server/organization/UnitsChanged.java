package cn.baomi.server.organization;

/**
 * Published inside the transaction that creates, moves, renames or deactivates a unit: cached views of the unit
 * tree are dropped when that transaction ends (docs/decisions/ledger-performance.md). Anything that writes the
 * {@code units} table other than through {@code UnitService} (a data import, a test fixture) publishes it too.
 */
public record UnitsChanged() {
}
