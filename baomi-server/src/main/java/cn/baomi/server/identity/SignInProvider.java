package cn.baomi.server.identity;

import java.time.Instant;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import cn.baomi.server.shared.Role;

/**
 * Checks a user name and password. After {@code maxFailures} wrong passwords in a row the account is
 * locked for {@code lockDuration}; while locked, even the right password is refused.
 */
@Component
class SignInProvider implements AuthenticationProvider {

    private final Accounts accounts;
    private final PasswordEncoder encoder;
    private final SecuritySettings settings;
    private volatile String dummyHash;

    SignInProvider(Accounts accounts, PasswordEncoder encoder, SecuritySettings settings) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.settings = settings;
    }

    /** A hash to check unknown user names against, so they take as long as known ones; made on first need. */
    private String dummyHash() {
        if (dummyHash == null) {
            dummyHash = encoder.encode("not-a-real-password-1A!");
        }
        return dummyHash;
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String username = request.getName() == null ? "" : request.getName().trim();
        String password = request.getCredentials() == null ? "" : request.getCredentials().toString();
        Optional<Account> found = accounts.findByUsername(username);
        if (found.isEmpty()) {
            encoder.matches(password, dummyHash());
            throw new BadCredentialsException("unknown user");
        }
        Account account = found.get();
        Instant now = Instant.now();
        if (!account.enabled()) {
            throw new DisabledException("disabled");
        }
        if (account.isLocked(now)) {
            throw new LockedException("locked");
        }
        if (!encoder.matches(password, account.passwordHash())) {
            int failures = account.failedAttempts() + 1;
            boolean lock = failures >= settings.maxFailures();
            accounts.recordFailure(account.id(), lock ? 0 : failures, lock ? now.plus(settings.lockDuration()) : null);
            if (lock) {
                throw new LockedException("locked after " + failures + " failures");
            }
            throw new BadCredentialsException("wrong password");
        }
        accounts.clearFailures(account.id());
        return UsernamePasswordAuthenticationToken.authenticated(account.asCurrentUser(), null,
                account.roles().stream().map(Role::authority).map(SimpleGrantedAuthority::new).toList());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
