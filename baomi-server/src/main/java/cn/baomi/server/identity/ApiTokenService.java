package cn.baomi.server.identity;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.baomi.server.audit.AuditRecord;
import cn.baomi.server.audit.AuditTrail;
import cn.baomi.server.shared.BusinessRuleViolation;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.KeptValues;
import cn.baomi.server.shared.NotFound;
import cn.baomi.server.shared.crypto.Sm3;

/** Issues, lists and revokes the signed-in user's personal API tokens; resolves a presented token. */
@Service
public class ApiTokenService {

    static final String PREFIX = "bm_";
    /** How long a token in use is kept at most, for a change written behind Baomi's back. */
    static final Duration KEEP = Duration.ofSeconds(30);
    private final SecureRandom random = new SecureRandom();
    private final ApiTokens tokens;
    private final Accounts accounts;
    private final AuditTrail audit;
    private final KeptValues<String, Accounts.TokenUse> inUse;

    ApiTokenService(ApiTokens tokens, Accounts accounts, AuditTrail audit, IdentityChanges changes) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.audit = audit;
        this.inUse = new KeptValues<>(changes, KEEP, 10_000);
    }

    /** Returns the token text, shown once; only its digest is stored. */
    @Transactional
    public String issue(String name) {
        CurrentUser user = CurrentUser.require();
        if (name == null || name.isBlank() || name.length() > 50) {
            throw new BusinessRuleViolation("name", "token.name.invalid");
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        tokens.insert(user.accountId(), name.trim(), Sm3.hex(token), token.substring(0, 10));
        audit.record(AuditRecord.success("TOKEN_ISSUED", "account", user.username()).withDetail(name.trim()));
        return token;
    }

    List<ApiTokens.Token> mine() {
        return tokens.ofAccount(CurrentUser.require().accountId());
    }

    @Transactional
    public void revoke(long tokenId) {
        CurrentUser user = CurrentUser.require();
        if (tokens.revoke(tokenId, user.accountId()) == 0) {
            throw new NotFound("token", tokenId);
        }
        audit.record(AuditRecord.success("TOKEN_REVOKED", "token", tokenId));
    }

    /**
     * The account behind a live token, if the account may still sign in: one statement (token, account and roles),
     * and a second only when the token's use is to be noted (at most once a minute). A token found is kept until an
     * account, role or token changes ({@link IdentityChanges}; a revocation through Baomi holds for the very next
     * request) and for {@link #KEEP} at most, for a change written behind Baomi's back
     * (docs/decisions/ledger-performance.md, "Caches of data that rarely changes").
     */
    Optional<Account> resolve(String presented) {
        if (presented == null || !presented.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String hash = Sm3.hex(presented);
        Instant now = Instant.now();
        return inUse.get(hash, accounts::findByLiveToken)
                .filter(t -> t.account().enabled() && !t.account().isLocked(now) && !t.account().mustChangePassword())
                .map(t -> {
                    if (t.lastUsedAt() == null || t.lastUsedAt().isBefore(now.minusSeconds(ApiTokens.TOUCH_SECONDS))) {
                        tokens.touch(hash);
                        inUse.update(hash, use -> new Accounts.TokenUse(use.account(), now));
                    }
                    return t.account();
                });
    }
}
