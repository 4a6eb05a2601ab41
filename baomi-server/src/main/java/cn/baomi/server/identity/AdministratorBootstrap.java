package cn.baomi.server.identity;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.baomi.server.shared.Role;

/**
 * First start on an empty database: creates the system administrator, the security administrator and
 * the security auditor, and prints their one-time passwords once on the console.
 */
@Component
class AdministratorBootstrap {

    static final Map<String, Role> ADMINISTRATORS = new LinkedHashMap<>();

    static {
        ADMINISTRATORS.put("sysadmin", Role.SYSTEM_ADMIN);
        ADMINISTRATORS.put("secadmin", Role.SECURITY_ADMIN);
        ADMINISTRATORS.put("auditor", Role.SECURITY_AUDITOR);
    }

    private static final Logger log = LoggerFactory.getLogger(AdministratorBootstrap.class);
    private final Accounts accounts;
    private final AccountService service;

    private final List<CompletableFuture<AccountService.PreparedPassword>> passwords;

    /**
     * On an empty database the three slow password hashes are started here, on a thread of their own, so that
     * they run beside the creation of the remaining beans instead of delaying readiness by about a second
     * (docs/benchmarks.md, start-up). The schema exists at this point: {@link Accounts} needs the migrated database.
     */
    AdministratorBootstrap(Accounts accounts, AccountService service) {
        this.accounts = accounts;
        this.service = service;
        this.passwords = new ArrayList<>();
        if (accounts.count() == 0) {
            Executor hashing = task -> {
                Thread thread = new Thread(task, "baomi-first-start-hashing");
                thread.setDaemon(true);
                thread.start();
            };
            ADMINISTRATORS.keySet().forEach(username ->
                    passwords.add(CompletableFuture.supplyAsync(service::prepareOneTimePassword, hashing)));
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(100)
    @Transactional
    public void createAdministratorsOnFirstStart() {
        if (accounts.count() > 0) {
            return;
        }
        StringBuilder banner = new StringBuilder("\n=== Baomi 首次启动：三员账户一次性密码（仅显示一次，首次登录须修改）===\n");
        Map<String, String> names = Map.of("sysadmin", "系统管理员", "secadmin", "安全保密管理员", "auditor", "安全审计员");
        Iterator<CompletableFuture<AccountService.PreparedPassword>> prepared = passwords.iterator();
        ADMINISTRATORS.forEach((username, role) -> {
            AccountService.PreparedPassword password = prepared.hasNext() ? prepared.next().join() : service.prepareOneTimePassword();
            AccountService.Created created = service.createWithRoles(username, names.get(username), null, EnumSet.of(role), password);
            banner.append(String.format("  %-9s %-8s  %s%n", username, names.get(username), created.oneTimePassword()));
        });
        banner.append("=== First start: one-time passwords of the three administrators, shown once ===");
        System.out.println(banner);
        log.info("Created the three administrator accounts (sysadmin, secadmin, auditor)");
    }
}
