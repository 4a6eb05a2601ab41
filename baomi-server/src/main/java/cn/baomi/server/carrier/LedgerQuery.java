package cn.baomi.server.carrier;

/** Filters of the ledger list; {@code page} counts from 0. */
record LedgerQuery(SecretLevel level, CarrierType type, CopyStatus status, Long custodianId, String q, int page,
                   int size) {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;

    static LedgerQuery of(SecretLevel level, CarrierType type, CopyStatus status, Long custodianId, String q,
                          Integer page, Integer size) {
        int p = page == null || page < 0 ? 0 : page;
        int s = size == null || size < 1 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
        return new LedgerQuery(level, type, status, custodianId, q == null || q.isBlank() ? null : q.strip(), p, s);
    }
}
