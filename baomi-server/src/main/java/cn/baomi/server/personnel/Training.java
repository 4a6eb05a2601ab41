package cn.baomi.server.personnel;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** Training hours entered by hand; {@code testPassed} is null when there was no test. */
record Training(long id, long personId, TrainingKind kind, LocalDate trainedOn, String topic, BigDecimal hours,
                Boolean testPassed, String recordedBy, Instant recordedAt) {
}
