package cn.baomi.server.personnel.exit;

import java.util.EnumSet;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.baomi.server.shared.Role;
import cn.baomi.server.shared.web.MenuItem;

/** The exits entry of the side menu (the secrecy office and leaders; a person reaches their own from the list too). */
@Configuration
class ExitMenu {

    @Bean
    MenuItem exitsMenu() {
        return new MenuItem("personnel", 60, "menu.personnel.exits", "/personnel/exits",
                EnumSet.of(Role.SECRECY_OFFICER, Role.UNIT_LEADER, Role.DEPARTMENT_HEAD));
    }
}
