package cn.baomi.server.shared;

import java.io.Serializable;
import java.security.Principal;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in account as every module sees it: who, in which unit, as which person, with which roles. */
public record CurrentUser(long accountId, String username, String displayName, Long unitId, Long personId,
                          Set<Role> roles) implements Serializable, Principal {

    /** The user name, so that sessions and logs name the account. */
    @Override
    public String getName() {
        return username;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... wanted) {
        for (Role role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    public boolean isAdministrator() {
        return roles.stream().anyMatch(Role::isAdministrator);
    }

    public static Optional<CurrentUser> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    public static CurrentUser require() {
        return find().orElseThrow(() -> new IllegalStateException("no signed-in Baomi user"));
    }
}
