package cn.baomi.server.carrier;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.baomi.server.shared.Role;
import cn.baomi.server.shared.web.MenuItem;

/** The ledger entries of the side menu: the ledger for every business role but the supervisor, the rest for the secrecy office. */
@Configuration
class CarrierMenu {

    @Bean
    MenuItem carriersMenu() {
        Set<Role> readers = EnumSet.copyOf(Role.business());
        readers.remove(Role.SUPERVISOR);
        return new MenuItem("carrier", 10, "menu.carrier.ledger", "/carriers", readers);
    }

    @Bean
    MenuItem holdingsMenu() {
        return new MenuItem("carrier", 20, "menu.carrier.holdings", "/carriers/holdings", Set.of(Role.SECRECY_OFFICER));
    }

    @Bean
    MenuItem safesMenu() {
        return new MenuItem("carrier", 30, "menu.carrier.safes", "/safes", Set.of(Role.SECRECY_OFFICER));
    }

    @Bean
    MenuItem destructionMenu() {
        return new MenuItem("carrier", 40, "menu.carrier.destruction", "/carriers/destruction",
                Set.of(Role.SECRECY_OFFICER));
    }
}
