package cn.baomi.server.carrier;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.baomi.server.shared.Role;
import cn.baomi.server.shared.web.MenuItem;

/** The inventories in the side menu, for the secrecy office; custodians reach their task from the home page. */
@Configuration
class InventoryMenu {

    @Bean
    MenuItem inventoriesMenu() {
        return new MenuItem("carrier", 50, "menu.carrier.inventories", "/carriers/inventories", Set.of(Role.SECRECY_OFFICER));
    }
}
