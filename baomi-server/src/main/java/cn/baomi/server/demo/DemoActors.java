package cn.baomi.server.demo;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.Role;

/**
 * Who the demo loader acts as. A person with a demo login acts through that account, so that what the demo shows as
 * theirs is theirs (keyuan's trip is in keyuan's "我的申请", an approval names baomiban); anyone else acts through a
 * stand-in account "demo" (演示数据) with the role needed.
 */
@Component
class DemoActors {

    private final Map<Long, CurrentUser> logins = new HashMap<>();

    /** The demo login {@code username} (account {@code accountId}) of person {@code personId}. */
    void remember(long accountId, String username, String displayName, long unitId, long personId, Set<Role> roles) {
        logins.put(personId, new CurrentUser(accountId, username, displayName, unitId, personId, EnumSet.copyOf(roles)));
    }

    /** Acts as the person's demo login when it holds {@code role}, else as stand-in {@code standIn} of that person. */
    void actAs(long standIn, long unitId, long personId, Role role) {
        CurrentUser login = logins.get(personId);
        if (login != null && login.roles().contains(role)) {
            signIn(login);
        } else {
            signIn(new CurrentUser(-standIn, "demo", "演示数据", unitId, personId, EnumSet.of(role)));
        }
    }

    /** Acts as the stand-in account with {@code role} in {@code unitId} (null: no unit), linked to no person. */
    void actAs(Long unitId, Role role) {
        signIn(new CurrentUser(0, "demo", "演示数据", unitId, null, EnumSet.of(role)));
    }

    void forget() {
        logins.clear();
    }

    private static void signIn(CurrentUser user) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user,
                null, user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList()));
    }
}
