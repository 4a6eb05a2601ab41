-- The index of the ledger's text search (docs/decisions/ledger-performance.md, "Text search (q)"): every piece of
-- two characters of lower(title) and lower(document_number) of a carrier and of lower(ledger_number) of each of its
-- copies, once per carrier, with the carrier's unit. Written by the application in the transaction that creates the
-- carrier or copy (carrier.SearchGrams); V71 fills it for the carriers that exist. A search for a text of two characters or
-- more reads the carriers holding all of its pieces from here and tests the usual `like` on those only.
-- One portable dialect: runs on PostgreSQL 15+ and on H2 2.x in PostgreSQL mode.

create table carrier_search_grams (
    gram       varchar(2) not null,
    unit_id    bigint     not null,
    carrier_id bigint     not null
);
-- V71 adds the primary key (gram, unit_id, carrier_id) and the reference to carriers once the table is filled:
-- building them once is several times faster than keeping them up to date through millions of inserts.
