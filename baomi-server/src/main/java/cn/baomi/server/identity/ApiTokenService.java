package cn.baomi.server.identity;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.baomi.server.audit.AuditRecord;
import cn.baomi.server.audit.AuditTrail;
import cn.baomi.server.shared.BusinessRuleViolation;
import cn.baomi.server.shared.ChangeGeneration;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.NotFound;
import cn.baomi.server.shared.crypto.Sm3;

/** Issues, lists and revokes the signed-in user's personal API tokens; resolves a presented token. */
@Service
public class ApiTokenService {

    static final String PREFIX = "bm_";
    private final SecureRandom random = new SecureRandom();
    private final ApiTokens tokens;
    private final Accounts accounts;
    private final AuditTrail audit;
    private final ChangeGeneration generation;

    ApiTokenService(ApiTokens tokens, Accounts accounts, AuditTrail audit, IdentityChanges changes) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.audit = audit;
        this.generation = changes.generation();
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
     * request) and for {@link #KEEP_SECONDS} at most, for a change written behind Baomi's back
     * (docs/decisions/ledger-performance.md, "Caches of data that rarely changes").
     */
    Optional<Account> resolve(String presented) {
        if (presented == null || !presented.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String hash = Sm3.hex(presented);
        Instant now = Instant.now();
        return live(hash)
                .filter(t -> t.account().enabled() && !t.account().isLocked(now) && !t.account().mustChangePassword())
                .map(t -> {
                    if (t.lastUsedAt() == null || t.lastUsedAt().isBefore(now.minusSeconds(ApiTokens.TOUCH_SECONDS))) {
                        tokens.touch(hash);
                        kept.computeIfPresent(hash, (h, k) -> new Kept(new Accounts.TokenUse(k.use().account(), now),
                                k.generation(), k.until()));
                    }
                    return t.account();
                });
    }

    static final int KEEP_SECONDS = 30;
    static final int MOST_KEPT = 10_000;

    private record Kept(Accounts.TokenUse use, long generation, long until) {
    }

    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    private Optional<Accounts.TokenUse> live(String hash) {
        long nanos = System.nanoTime();
        Kept k = kept.get(hash);
        if (k != null && nanos - k.until() < 0 && generation.isCurrent(k.generation())) {
            return Optional.of(k.use());
        }
        long current = generation.current();
        Optional<Accounts.TokenUse> found = accounts.findByLiveToken(hash);
        if (found.isPresent() && current != ChangeGeneration.NONE) {
            if (kept.size() >= MOST_KEPT) {
                kept.clear();
            }
            kept.put(hash, new Kept(found.get(), current, nanos + TimeUnit.SECONDS.toNanos(KEEP_SECONDS)));
        }
        return found;
    }
}
