package cn.baomi.server.carrier;

/** A row of the ledger list: a copy with what the list shows of its carrier. */
record LedgerEntry(Copy copy, String title, String documentNumber, SecretLevel level, CarrierType type,
                   boolean declassified) {
}
