package cn.baomi.server.identity;

import org.springframework.stereotype.Component;

import cn.baomi.server.shared.ChangeGeneration;

/**
 * The generation of the accounts, their roles and their API tokens, of which {@link ApiTokenService} keeps the
 * tokens in use. It moves on whenever {@link Accounts} or {@link ApiTokens} write (noting a token's use aside).
 */
@Component
class IdentityChanges {

    private final ChangeGeneration generation = new ChangeGeneration();

    ChangeGeneration generation() {
        return generation;
    }

    /** Called by the repositories right after they write. */
    void changed() {
        generation.changed();
    }
}
