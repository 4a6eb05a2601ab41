package cn.baomi.server.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import cn.baomi.server.shared.Role;

/** Accounts and their roles. */
@Repository
class Accounts {

    private final JdbcClient jdbc;
    private final IdentityChanges changes;

    Accounts(JdbcClient jdbc, IdentityChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    long count() {
        return jdbc.sql("select count(*) from accounts").query(Long.class).single();
    }

    Optional<Account> findByUsername(String username) {
        return jdbc.sql("select * from accounts where username = ?").param(username).query(this::map).optional()
                .map(this::withRoles);
    }

    /** Display name by user name, for those of {@code usernames} that are accounts. */
    Map<String, String> displayNames(List<String> usernames) {
        if (usernames.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select username, display_name from accounts where username in (:names)")
                .param("names", usernames)
                .query((rs, n) -> Map.entry(rs.getString("username"), rs.getString("display_name"))).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Whether a user name is taken in any letter case: "BaoMiBan" beside "baomiban" would pass for the same person. */
    boolean usernameTakenInAnyCase(String username) {
        return jdbc.sql("select count(*) from accounts where lower(username) = lower(?)").param(username)
                .query(Long.class).single() > 0;
    }

    Optional<Account> findById(long id) {
        return jdbc.sql("select * from accounts where id = ?").param(id).query(this::map).optional().map(this::withRoles);
    }

    /**
     * The account behind a live API token (by its digest) with its roles, in one statement: every API request asks
     * (docs/decisions/ledger-performance.md). One row per role, or one with no role.
     */
    Optional<TokenUse> findByLiveToken(String tokenHash) {
        List<TokenUse> rows = jdbc.sql("""
                select a.*, r.role, t.last_used_at as token_used_at from api_tokens t join accounts a on a.id = t.account_id
                left join account_roles r on r.account_id = a.id
                where t.token_hash = ? and t.revoked_at is null""")
                .param(tokenHash).query((rs, n) -> {
                    Account a = map(rs, n);
                    String role = rs.getString("role");
                    Timestamp used = rs.getTimestamp("token_used_at");
                    return new TokenUse(a.withRoles(role == null ? Set.of() : Set.of(Role.valueOf(role))),
                            used == null ? null : used.toInstant());
                }).list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        rows.forEach(r -> roles.addAll(r.account().roles()));
        return Optional.of(new TokenUse(rows.get(0).account().withRoles(roles), rows.get(0).lastUsedAt()));
    }

    /** An account found by its API token, and when the token was last noted as used (null: never). */
    record TokenUse(Account account, Instant lastUsedAt) {
    }

    Optional<Account> findByPerson(long personId) {
        return jdbc.sql("select * from accounts where person_id = ?").param(personId).query(this::map).optional()
                .map(this::withRoles);
    }

    List<Account> search(String text, int offset, int limit) {
        String like = "%" + (text == null ? "" : text.trim()) + "%";
        return jdbc.sql("select * from accounts where username like ? or display_name like ? order by username limit ? offset ?")
                .params(like, like, limit, offset).query(this::map).list().stream().map(this::withRoles).toList();
    }

    long countMatching(String text) {
        String like = "%" + (text == null ? "" : text.trim()) + "%";
        return jdbc.sql("select count(*) from accounts where username like ? or display_name like ?")
                .params(like, like).query(Long.class).single();
    }

    List<Account> inUnits(java.util.Collection<Long> unitIds) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from accounts where unit_id in (:ids) order by username").param("ids", unitIds)
                .query(this::map).list().stream().map(this::withRoles).toList();
    }

    long insert(String username, String displayName, String passwordHash, Long unitId, boolean mustChange) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into accounts (username, display_name, password_hash, unit_id, must_change_password, "
                        + "password_changed_at, created_at) values (?,?,?,?,?,?,?)")
                .params(username, displayName, passwordHash, unitId, mustChange, now(), now())
                .update(keys, "id");
        long id = keys.getKey().longValue();
        rememberPassword(id, passwordHash);
        changes.changed();
        return id;
    }

    void replaceRoles(long accountId, Set<Role> roles) {
        jdbc.sql("delete from account_roles where account_id = ?").param(accountId).update();
        for (Role role : roles) {
            jdbc.sql("insert into account_roles (account_id, role) values (?, ?)").params(accountId, role.name()).update();
        }
        changes.changed();
    }

    void updatePassword(long accountId, String passwordHash, boolean mustChange) {
        jdbc.sql("update accounts set password_hash = ?, must_change_password = ?, password_changed_at = ?, "
                        + "failed_attempts = 0, locked_until = null where id = ?")
                .params(passwordHash, mustChange, now(), accountId).update();
        rememberPassword(accountId, passwordHash);
        changes.changed();
    }

    List<String> recentPasswordHashes(long accountId, int howMany) {
        return jdbc.sql("select password_hash from password_history where account_id = ? order by id desc limit ?")
                .params(accountId, howMany).query(String.class).list();
    }

    void recordFailure(long accountId, int failures, Instant lockedUntil) {
        jdbc.sql("update accounts set failed_attempts = ?, locked_until = ? where id = ?")
                .params(failures, lockedUntil == null ? null : Timestamp.from(lockedUntil), accountId).update();
        changes.changed();
    }

    void clearFailures(long accountId) {
        jdbc.sql("update accounts set failed_attempts = 0, locked_until = null where id = ?").param(accountId).update();
        changes.changed();
    }

    void setEnabled(long accountId, boolean enabled) {
        jdbc.sql("update accounts set enabled = ? where id = ?").params(enabled, accountId).update();
        changes.changed();
    }

    void linkPerson(long accountId, Long personId, Long unitId) {
        jdbc.sql("update accounts set person_id = ?, unit_id = ? where id = ?").params(personId, unitId, accountId).update();
        changes.changed();
    }

    void updateProfile(long accountId, String displayName, Long unitId) {
        jdbc.sql("update accounts set display_name = ?, unit_id = ? where id = ?").params(displayName, unitId, accountId).update();
        changes.changed();
    }

    private void rememberPassword(long accountId, String passwordHash) {
        jdbc.sql("insert into password_history (account_id, password_hash, created_at) values (?,?,?)")
                .params(accountId, passwordHash, now()).update();
    }

    private Set<Role> rolesOf(long accountId) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        jdbc.sql("select role from account_roles where account_id = ?").param(accountId).query(String.class).list()
                .forEach(r -> roles.add(Role.valueOf(r)));
        return roles;
    }

    /**
     * The roles are read after the account rows, never inside their row mapper: a query there holds one pooled
     * connection while asking for a second, and with more concurrent requests than connections all of them waited
     * for the pool's 30 s timeout (found by bench/ledger.sh, docs/benchmarks.md).
     */
    private Account withRoles(Account a) {
        return a.withRoles(rolesOf(a.id()));
    }

    private Account map(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        Timestamp locked = rs.getTimestamp("locked_until");
        return new Account(id, rs.getString("username"), rs.getString("display_name"), rs.getString("password_hash"),
                (Long) rs.getObject("unit_id", Long.class), (Long) rs.getObject("person_id", Long.class),
                rs.getBoolean("enabled"), rs.getBoolean("must_change_password"), rs.getInt("failed_attempts"),
                locked == null ? null : locked.toInstant(), rs.getTimestamp("created_at").toInstant(), Set.of());
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }
}
