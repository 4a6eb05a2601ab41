-- The ledger list from the indexes alone at a city's size (docs/benchmarks.md, "Lists from the indexes"; V49 before).
-- One portable dialect: runs on PostgreSQL 15+ and on H2 2.x in PostgreSQL mode.

-- The copies of a unit by status, now with the copy's id: a page of a unit's copies (a person's list) takes its
-- ids from the index without reading the table (PostgreSQL index-only scan).
drop index ix_copies_unit;
create index ix_copies_unit on carrier_copies (unit_id, status, carrier_id, custodian_id, pending_custodian_id, borrower_id, id);

-- The copies of a carrier by status: a secrecy office's list starts from its units' carriers of a level
-- (ix_carriers_unit_level) and finds their copies here, without reading the table (unit_id: the condition also
-- names the copies' units).
create index ix_copies_carrier on carrier_copies (carrier_id, status, unit_id, id);

-- The carriers whose scope names a person, department, position or unit, with revoked_at, which the reader
-- condition tests: found from the index alone.
drop index ix_carrier_scope_ref_carrier;
create index ix_carrier_scope_ref_carrier on carrier_scope (kind, ref_id, carrier_id, revoked_at);
