package cn.baomi.server.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Personal API tokens, stored only as SM3 digests. Every write but noting a use tells {@link IdentityChanges}. */
@Repository
class ApiTokens {

    record Token(long id, long accountId, String name, String prefix, Instant createdAt, Instant lastUsedAt,
                 Instant revokedAt) {
    }

    /** A token's use is written at most this often. */
    static final int TOUCH_SECONDS = 60;
    private final JdbcClient jdbc;
    private final IdentityChanges changes;

    ApiTokens(JdbcClient jdbc, IdentityChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    void insert(long accountId, String name, String hash, String prefix) {
        jdbc.sql("insert into api_tokens (account_id, name, token_hash, token_prefix, created_at) values (?,?,?,?,?)")
                .params(accountId, name, hash, prefix, Timestamp.from(Instant.now())).update();
        changes.changed();
    }

    /**
     * Notes the use of a token, to the minute: a token used again within a minute is not written again, so that
     * a busy API client does not queue every request on its token's row (docs/benchmarks.md).
     */
    void touch(String hash) {
        Instant now = Instant.now();
        jdbc.sql("update api_tokens set last_used_at = ? where token_hash = ? and (last_used_at is null or last_used_at < ?)")
                .params(Timestamp.from(now), hash, Timestamp.from(now.minusSeconds(TOUCH_SECONDS))).update();
    }

    List<Token> ofAccount(long accountId) {
        return jdbc.sql("select * from api_tokens where account_id = ? order by id desc").param(accountId)
                .query((rs, n) -> new Token(rs.getLong("id"), rs.getLong("account_id"), rs.getString("name"),
                        rs.getString("token_prefix"), rs.getTimestamp("created_at").toInstant(),
                        instant(rs.getTimestamp("last_used_at")), instant(rs.getTimestamp("revoked_at"))))
                .list();
    }

    int revoke(long tokenId, long accountId) {
        int revoked = jdbc.sql("update api_tokens set revoked_at = ? where id = ? and account_id = ? and revoked_at is null")
                .params(Timestamp.from(Instant.now()), tokenId, accountId).update();
        changes.changed();
        return revoked;
    }

    void revokeAll(long accountId) {
        jdbc.sql("update api_tokens set revoked_at = ? where account_id = ? and revoked_at is null")
                .params(Timestamp.from(Instant.now()), accountId).update();
        changes.changed();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
