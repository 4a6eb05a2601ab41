package cn.baomi.server.personnel;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.baomi.server.shared.Role;
import cn.baomi.server.shared.web.MenuItem;

/** The roster for the secrecy office and leaders; everyone with a business role reads their own file. */
@Configuration
class PersonnelMenu {

    @Bean
    MenuItem personnelRosterMenu() {
        return new MenuItem("personnel", 10, "menu.personnel.roster", "/personnel",
                Set.of(Role.SECRECY_OFFICER, Role.UNIT_LEADER, Role.DEPARTMENT_HEAD));
    }

    @Bean
    MenuItem personnelMineMenu() {
        Set<Role> everyone = EnumSet.copyOf(Role.business());
        return new MenuItem("personnel", 20, "menu.personnel.mine", "/personnel/me", everyone);
    }
}
