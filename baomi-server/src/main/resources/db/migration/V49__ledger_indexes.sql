-- Indexes for the ledger at a city's size (docs/benchmarks.md: 1,000,000 copies, 10,000,000 events). Each holds
-- the columns that the visibility condition (Viewer.VISIBLE) and the list filters read, so that counting and
-- joining the rows of a unit needs no table row (index-only scans on PostgreSQL).
-- One portable dialect: runs on PostgreSQL 15+ and on H2 2.x in PostgreSQL mode.

-- The copies of the units a viewer keeps or reads in (the condition ends with cp.unit_id in (...)), by status.
create index ix_copies_unit on carrier_copies (unit_id, status, carrier_id, custodian_id, pending_custodian_id, borrower_id);

-- The carriers of those units by level and type; replaces ix_carriers_unit (unit_id, secret_level).
create index ix_carriers_unit_level on carriers (unit_id, secret_level, carrier_type, id);
drop index ix_carriers_unit;

-- The carriers whose scope names the viewer, their department, position or unit; replaces ix_carrier_scope_ref.
create index ix_carrier_scope_ref_carrier on carrier_scope (kind, ref_id, carrier_id);
drop index ix_carrier_scope_ref;
