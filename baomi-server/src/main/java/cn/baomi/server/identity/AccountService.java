package cn.baomi.server.identity;

import java.security.SecureRandom;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.baomi.server.audit.AuditRecord;
import cn.baomi.server.audit.AuditTrail;
import cn.baomi.server.shared.BusinessRuleViolation;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.NotFound;
import cn.baomi.server.shared.Role;

/**
 * The use cases of accounts. The system administrator creates accounts and resets passwords, the
 * security administrator grants roles, everyone changes their own password. Every change is audited.
 */
@Service
public class AccountService {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    private static final String SYMBOLS = "@#%+=!";
    private final SecureRandom random = new SecureRandom();
    private final Accounts accounts;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final SecuritySettings settings;
    private final AuditTrail audit;

    AccountService(Accounts accounts, PasswordEncoder encoder, PasswordPolicy policy, SecuritySettings settings,
                   AuditTrail audit) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.policy = policy;
        this.settings = settings;
        this.audit = audit;
    }

    /** A new account and its one-time password, to be shown once and changed at first sign-in. */
    public record Created(long accountId, String oneTimePassword) {
    }

    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Transactional
    public Created create(String username, String displayName, Long unitId) {
        // An account of a unit starts as staff; one without a unit starts with no role until the security
        // administrator grants one (an administrator role, since business roles need a unit).
        return createWithRoles(username, displayName, unitId,
                unitId == null ? EnumSet.noneOf(Role.class) : EnumSet.of(Role.STAFF));
    }

    /** Used by the first start and the demo loader, outside any request. */
    @Transactional
    Created createWithRoles(String username, String displayName, Long unitId, Set<Role> roles) {
        return createWithRoles(username, displayName, unitId, roles, prepareOneTimePassword());
    }

    /** A one-time password with its slow hash, computed ahead of time (the first start does this in parallel). */
    record PreparedPassword(String plain, String hash) {
    }

    PreparedPassword prepareOneTimePassword() {
        String password = oneTimePassword();
        return new PreparedPassword(password, encoder.encode(password));
    }

    @Transactional
    Created createWithRoles(String username, String displayName, Long unitId, Set<Role> roles, PreparedPassword password) {
        String name = username == null ? "" : username.trim();
        if (!name.matches("[A-Za-z0-9_.-]{3,50}")) {
            throw new BusinessRuleViolation("username", "account.username.invalid");
        }
        if (accounts.usernameTakenInAnyCase(name)) {
            throw new BusinessRuleViolation("username", "account.username.taken", name);
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > 50) {
            throw new BusinessRuleViolation("displayName", "account.displayName.invalid");
        }
        if (!roles.isEmpty()) {
            requireAllowed(roles);
        }
        long id = accounts.insert(name, displayName.trim(), password.hash(), unitId, true);
        accounts.replaceRoles(id, roles);
        audit.record(AuditRecord.success("ACCOUNT_CREATED", "account", name).withDetail("roles=" + roles));
        return new Created(id, password.plain());
    }

    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    @Transactional
    public void assignRoles(long accountId, Set<Role> roles) {
        Account account = accounts.findById(accountId).orElseThrow(() -> new NotFound("account", accountId));
        if (account.id() == CurrentUser.require().accountId()) {
            throw BusinessRuleViolation.of("account.roles.notOwn");
        }
        requireAllowed(roles);
        boolean business = roles.stream().anyMatch(r -> !r.isAdministrator());
        if (business && account.unitId() == null) {
            throw new BusinessRuleViolation("roles", "account.roles.needUnit");
        }
        if (!business && !roles.isEmpty() && account.personId() != null) {
            // a person's business account turned administrator would keep its person, unit and history of business
            // work; the three administrators have accounts of their own
            throw new BusinessRuleViolation("roles", "account.roles.adminNeedsOwnAccount");
        }
        accounts.replaceRoles(accountId, roles);
        audit.record(AuditRecord.success("ROLES_ASSIGNED", "account", account.username())
                .withDetail(account.roles() + " -> " + roles));
    }

    /**
     * A new one-time password, shown to the system administrator. Never for the security administrator or the auditor:
     * whoever sees their one-time password could act as them, and the three are there to check each other. One of
     * them who cannot sign in gets a new account (created by the system administrator, role granted by the security
     * administrator), and the old one is disabled (docs/decisions/0002-three-administrators.md).
     */
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Transactional
    public Created resetPassword(long accountId) {
        Account account = accounts.findById(accountId).orElseThrow(() -> new NotFound("account", accountId));
        if (!passwordResettable(account.roles())) {
            throw BusinessRuleViolation.of("account.resetPassword.otherAdministrator");
        }
        if (account.id() == CurrentUser.require().accountId()) {
            throw BusinessRuleViolation.of("account.resetPassword.self"); // one's own goes through 修改密码
        }
        String password = oneTimePassword();
        accounts.updatePassword(accountId, encoder.encode(password), true);
        audit.record(AuditRecord.success("PASSWORD_RESET", "account", account.username()));
        return new Created(accountId, password);
    }

    /** Not the security administrator's or the auditor's account, whose password the system administrator never sees. */
    static boolean passwordResettable(Collection<Role> roles) {
        return !roles.contains(Role.SECURITY_ADMIN) && !roles.contains(Role.SECURITY_AUDITOR);
    }

    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Transactional
    public void setEnabled(long accountId, boolean enabled) {
        Account account = accounts.findById(accountId).orElseThrow(() -> new NotFound("account", accountId));
        if (!enabled && account.id() == CurrentUser.require().accountId()) {
            throw BusinessRuleViolation.of("account.notSelf");
        }
        accounts.setEnabled(accountId, enabled);
        audit.record(AuditRecord.success(enabled ? "ACCOUNT_ENABLED" : "ACCOUNT_DISABLED", "account", account.username()));
    }

    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Transactional
    public void unlock(long accountId) {
        Account account = accounts.findById(accountId).orElseThrow(() -> new NotFound("account", accountId));
        accounts.clearFailures(accountId);
        audit.record(AuditRecord.success("ACCOUNT_UNLOCKED", "account", account.username()));
    }

    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Transactional
    public void updateProfile(long accountId, String displayName, Long unitId) {
        Account account = accounts.findById(accountId).orElseThrow(() -> new NotFound("account", accountId));
        if (displayName == null || displayName.isBlank() || displayName.length() > 50) {
            throw new BusinessRuleViolation("displayName", "account.displayName.invalid");
        }
        accounts.updateProfile(accountId, displayName.trim(), unitId);
        audit.record(AuditRecord.success("ACCOUNT_UPDATED", "account", account.username()));
    }

    /** The signed-in user changes their own password; the rules are checked against the last five. */
    @Transactional
    public void changeOwnPassword(String currentPassword, String newPassword) {
        Account account = accounts.findById(CurrentUser.require().accountId()).orElseThrow();
        if (currentPassword == null || !encoder.matches(currentPassword, account.passwordHash())) {
            audit.record(new AuditRecord("PASSWORD_CHANGED", "account", account.username(),
                    AuditRecord.Outcome.FAILURE, "wrong current password"));
            throw new BusinessRuleViolation("currentPassword", "password.currentWrong");
        }
        List<String> broken = policy.violations(account.username(), newPassword,
                accounts.recentPasswordHashes(account.id(), settings.passwordHistory()));
        if (!broken.isEmpty()) {
            throw new BusinessRuleViolation("newPassword", broken.get(0));
        }
        accounts.updatePassword(account.id(), encoder.encode(newPassword), false);
        audit.record(AuditRecord.success("PASSWORD_CHANGED", "account", account.username()));
    }

    /** The roles of an account by user name, as the audit trail writes them (empty for an unknown name). */
    String rolesOf(String username) {
        return username == null ? "" : accounts.findByUsername(username.trim())
                .map(a -> a.roles().stream().map(Role::name).sorted().collect(java.util.stream.Collectors.joining(",")))
                .orElse("");
    }

    public boolean mustChangePassword(long accountId) {
        return accounts.findById(accountId).map(Account::mustChangePassword).orElse(false);
    }

    private static void requireAllowed(Set<Role> roles) {
        if (roles.isEmpty()) {
            throw new BusinessRuleViolation("roles", "account.roles.empty");
        }
        if (!Role.isAllowedCombination(roles)) {
            throw new BusinessRuleViolation("roles", "account.roles.separation");
        }
    }

    String oneTimePassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        password.append(random.nextInt(10)).append(SYMBOLS.charAt(random.nextInt(SYMBOLS.length())));
        password.append((char) ('A' + random.nextInt(26))).append((char) ('a' + random.nextInt(26)));
        return password.toString();
    }
}
