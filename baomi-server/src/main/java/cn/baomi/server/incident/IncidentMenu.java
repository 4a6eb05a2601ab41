package cn.baomi.server.incident;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.baomi.server.shared.Role;
import cn.baomi.server.shared.web.MenuItem;

/** The incident register in the side menu, for the secrecy office and the supervisor (read-only). */
@Configuration
class IncidentMenu {

    @Bean
    MenuItem incidentsMenu() {
        return new MenuItem("incident", 10, "menu.incidents", "/incidents", Set.of(Role.SECRECY_OFFICER, Role.SUPERVISOR));
    }
}
