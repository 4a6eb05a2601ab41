package cn.baomi.server.carrier;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A registered carrier (one document, disc or medium, in one or more copies). Level, duration and scope change only
 * by a recorded change or declassification ({@link ClassificationService}), guarded by {@code version}.
 */
record Carrier(long id, long unitId, CarrierType type, String title, String documentNumber, SecretLevel level,
               SecrecyDuration duration, Origin origin, String originName, int copyCount, String registeredBy,
               Instant createdAt, int version, LocalDate declassifiedOn) {

    public boolean declassified() {
        return declassifiedOn != null;
    }
}
