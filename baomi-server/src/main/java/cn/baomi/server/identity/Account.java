package cn.baomi.server.identity;

import java.time.Instant;
import java.util.Set;

import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.Role;

/** A user account. Passwords are kept only as slow hashes. */
public record Account(long id, String username, String displayName, String passwordHash, Long unitId, Long personId,
                      boolean enabled, boolean mustChangePassword, int failedAttempts, Instant lockedUntil,
                      Instant createdAt, Set<Role> roles) {

    public boolean isLocked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public boolean isAdministratorAccount() {
        return roles.stream().anyMatch(Role::isAdministrator);
    }

    Account withRoles(Set<Role> newRoles) {
        return new Account(id, username, displayName, passwordHash, unitId, personId, enabled, mustChangePassword,
                failedAttempts, lockedUntil, createdAt, newRoles);
    }

    CurrentUser asCurrentUser() {
        return new CurrentUser(id, username, displayName, unitId, personId, Set.copyOf(roles));
    }
}
