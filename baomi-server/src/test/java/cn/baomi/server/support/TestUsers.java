package cn.baomi.server.support;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.Role;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/** Signed-in users for tests, without going through the sign-in form. */
public final class TestUsers {

    private static final AtomicLong ids = new AtomicLong(900_000);

    private TestUsers() {
    }

    public static CurrentUser user(Long unitId, Long personId, Role first, Role... more) {
        Set<Role> roles = EnumSet.of(first, more);
        long id = ids.incrementAndGet();
        return new CurrentUser(id, "test" + id, "测试用户" + id, unitId, personId, roles);
    }

    public static CurrentUser administrator(Role role) {
        return user(null, null, role);
    }

    public static UsernamePasswordAuthenticationToken token(CurrentUser user) {
        return UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.roles().stream().map(Role::authority).map(SimpleGrantedAuthority::new).toList());
    }

    /** For MockMvc requests. */
    public static RequestPostProcessor as(CurrentUser user) {
        return authentication(token(user));
    }

    /** For direct calls to services in the test thread; pair with {@link #signOut()}. */
    public static void signIn(CurrentUser user) {
        SecurityContextHolder.getContext().setAuthentication(token(user));
    }

    public static void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** Runs a direct call to a service signed in as the user, and signs out afterwards. */
    public static void runAs(CurrentUser user, Runnable action) {
        callAs(user, () -> {
            action.run();
            return null;
        });
    }

    /** {@link #runAs} for a call that answers something. */
    public static <T> T callAs(CurrentUser user, java.util.function.Supplier<T> call) {
        signIn(user);
        try {
            return call.get();
        } finally {
            signOut();
        }
    }
}
