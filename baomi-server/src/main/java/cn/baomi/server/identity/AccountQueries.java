package cn.baomi.server.identity;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import cn.baomi.server.shared.Role;

/** Account lists for the system and security administrators; never shows a password hash. */
@Service
class AccountQueries {

    static final int PAGE_SIZE = 20;

    record AccountRow(long id, String username, String displayName, Long unitId, boolean linkedToPerson,
                      boolean enabled, boolean locked, boolean mustChangePassword, List<String> roles) {

        /** The system administrator never resets the security administrator's or the auditor's password. */
        public boolean passwordResettable() {
            return AccountService.passwordResettable(roles.stream().map(Role::valueOf).toList());
        }
    }

    record Page(List<AccountRow> rows, int page, int pages, long total) {
    }

    private final Accounts accounts;

    AccountQueries(Accounts accounts) {
        this.accounts = accounts;
    }

    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN','SECURITY_ADMIN')")
    String username(long id) {
        return accounts.findById(id).map(Account::username).orElse("#" + id);
    }

    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN','SECURITY_ADMIN')")
    Page search(String text, int page) {
        long total = accounts.countMatching(text);
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(page, 1), pages);
        List<AccountRow> rows = accounts.search(text, (current - 1) * PAGE_SIZE, PAGE_SIZE).stream()
                .map(a -> new AccountRow(a.id(), a.username(), a.displayName(), a.unitId(), a.personId() != null,
                        a.enabled(), a.isLocked(java.time.Instant.now()), a.mustChangePassword(),
                        a.roles().stream().map(Enum::name).sorted().toList()))
                .toList();
        return new Page(rows, current, pages, total);
    }
}
