package cn.baomi.server;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The business modules depend on each other only through their public API, without cycles. */
class ModularityTests {

    @Test
    void modulesRespectTheirBoundaries() {
        ApplicationModules.of(BaomiApplication.class).verify();
    }
}
