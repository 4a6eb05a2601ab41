package cn.baomi.server.carrier;

import java.time.Instant;

/** A registered carrier (one document, disc or medium, in one or more copies). Level, duration and scope never change in place. */
record Carrier(long id, long unitId, CarrierType type, String title, String documentNumber, SecretLevel level,
               SecrecyDuration duration, Origin origin, String originName, int copyCount, String registeredBy,
               Instant createdAt) {
}
