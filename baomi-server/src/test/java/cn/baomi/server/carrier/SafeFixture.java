package cn.baomi.server.carrier;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Registers a safe through the repository, for tests that need one in a given unit. */
final class SafeFixture {

    private static int serial = 1;
    private final Safes safes;

    SafeFixture(JdbcClient jdbc) {
        this.safes = new Safes(jdbc);
    }

    long safe(long unitId, long responsible) {
        return safes.insert(unitId, "G-" + serial++, "机要室", responsible);
    }
}
