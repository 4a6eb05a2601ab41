package cn.baomi.server.organization;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.baomi.server.shared.Role;
import cn.baomi.server.shared.web.MenuItem;

/** The organisation entries of the side menu: the structure for the system administrator too, persons for business roles. */
@Configuration
class OrganizationMenu {

    private static Set<Role> structureReaders() {
        Set<Role> roles = EnumSet.copyOf(Role.business());
        roles.add(Role.SYSTEM_ADMIN);
        return roles;
    }

    @Bean
    MenuItem unitsMenu() {
        return new MenuItem("org", 10, "menu.org.units", "/units", structureReaders());
    }

    @Bean
    MenuItem departmentsMenu() {
        return new MenuItem("org", 20, "menu.org.departments", "/departments", structureReaders());
    }

    @Bean
    MenuItem positionsMenu() {
        return new MenuItem("org", 30, "menu.org.positions", "/positions", structureReaders());
    }

    @Bean
    MenuItem personsMenu() {
        return new MenuItem("org", 40, "menu.org.persons", "/persons", Role.personReaders());
    }
}
