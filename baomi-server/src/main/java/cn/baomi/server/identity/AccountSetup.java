package cn.baomi.server.identity;

import java.util.Set;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.baomi.server.audit.AuditRecord;
import cn.baomi.server.audit.AuditTrail;
import cn.baomi.server.shared.BusinessRuleViolation;
import cn.baomi.server.shared.Role;

/**
 * Accounts made by the system itself rather than by an administrator: only the demo loader uses it, to give
 * every demo login a documented password. The separation of the three administrators still holds.
 */
@Service
public class AccountSetup {

    private final Accounts accounts;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;

    AccountSetup(Accounts accounts, PasswordEncoder encoder, AuditTrail audit) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.audit = audit;
    }

    public boolean hasAccounts() {
        return accounts.count() > 0;
    }

    public boolean exists(String username) {
        return accounts.findByUsername(username).isPresent();
    }

    /** An account that may sign in at once with {@code password}; {@code displayName} null means the username. */
    @Transactional
    public long createWithKnownPassword(String username, String displayName, Long unitId, Long personId,
                                        Set<Role> roles, String password) {
        if (!Role.isAllowedCombination(roles) || roles.isEmpty()) {
            throw new BusinessRuleViolation("roles", "account.roles.separation");
        }
        long id = accounts.insert(username, displayName == null ? username : displayName, encoder.encode(password),
                unitId, false);
        accounts.replaceRoles(id, roles);
        if (personId != null) {
            accounts.linkPerson(id, personId, unitId);
        }
        audit.record(AuditRecord.success("ACCOUNT_CREATED", "account", username).withDetail("roles=" + roles));
        return id;
    }
}
