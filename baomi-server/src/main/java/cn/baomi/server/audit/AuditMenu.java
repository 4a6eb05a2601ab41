package cn.baomi.server.audit;

import java.util.EnumSet;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.baomi.server.shared.Role;
import cn.baomi.server.shared.web.MenuItem;

/** The audit trail in the side menu of the security auditor and the security administrator. */
@Configuration(proxyBeanMethods = false)
class AuditMenu {

    @Bean
    MenuItem auditTrailMenuItem() {
        return new MenuItem("audit", 10, "menu.audit.trail", "/audit",
                EnumSet.of(Role.SECURITY_AUDITOR, Role.SECURITY_ADMIN));
    }
}
