package cn.baomi.server.personnel.travel;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.baomi.server.shared.Role;
import cn.baomi.server.shared.web.MenuItem;

/** Travel abroad in the side menu: every business role but the supervisor (a person files and sees their own). */
@Configuration
class TravelMenu {

    @Bean
    MenuItem travelAbroadMenu() {
        java.util.Set<Role> roles = java.util.EnumSet.copyOf(Role.business());
        roles.remove(Role.SUPERVISOR);
        return new MenuItem("personnel", 50, "menu.personnel.travel", "/personnel/travel", roles);
    }
}
