package cn.baomi.server.identity;

import org.springframework.stereotype.Component;

import cn.baomi.server.shared.ChangeGeneration;

/**
 * The generation of the accounts, their roles and their API tokens, of which {@link ApiTokenService} keeps the
 * tokens in use. {@link Accounts} and {@link ApiTokens} call {@link #changed()} right after they write (noting a
 * token's use aside).
 */
@Component
class IdentityChanges extends ChangeGeneration {
}
