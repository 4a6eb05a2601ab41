package cn.baomi.server.shared.web;

import java.util.Set;

import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.Role;

/**
 * An entry of the side menu. Each module declares its own entries as beans; the layout shows those
 * whose roles the signed-in user holds. {@code labelKey} is a message key.
 */
public record MenuItem(String section, int order, String labelKey, String path, Set<Role> roles) {

    public boolean visibleTo(CurrentUser user) {
        return roles.isEmpty() || user.roles().stream().anyMatch(roles::contains);
    }
}
