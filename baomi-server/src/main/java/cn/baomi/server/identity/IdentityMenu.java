package cn.baomi.server.identity;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.baomi.server.shared.Role;
import cn.baomi.server.shared.web.MenuItem;

@Configuration
class IdentityMenu {

    @Bean
    MenuItem accountsMenu() {
        return new MenuItem("admin", 10, "menu.admin.accounts", "/admin/accounts", Set.of(Role.SYSTEM_ADMIN));
    }

    @Bean
    MenuItem roleGrantsMenu() {
        return new MenuItem("security", 10, "menu.security.roles", "/security-admin/accounts", Set.of(Role.SECURITY_ADMIN));
    }

    @Bean
    MenuItem accountLinksMenu() {
        return new MenuItem("org", 50, "menu.org.accountLinks", "/account-links", Set.of(Role.SECRECY_OFFICER));
    }

    @Bean
    MenuItem tokensMenu() {
        return new MenuItem("zz-account", 90, "menu.account.tokens", "/account/tokens", EnumSet.allOf(Role.class));
    }
}
