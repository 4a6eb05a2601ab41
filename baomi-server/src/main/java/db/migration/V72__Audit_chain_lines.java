package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * V72 splits the audit chain into {@link #LINES} lines (docs/decisions/0003-audit-chain.md): every row gets its line
 * and its position in that line ({@code line_seq}, contiguous 1, 2, 3… per line), the rows written so far becoming
 * line 1 at the positions they had; {@code audit_chain_head} gets a genesis row for each further line, and a head's
 * {@code last_seq} now counts positions in its line. The global {@code seq} stays the primary key and the order of
 * the audit view, but is taken from the sequence {@code audit_seq} from now on, which starts after the highest
 * number used so far (of the rows, or of the head, if rows at the end were removed: a number is never given twice).
 * In Java only to write that start as a literal, which H2 (PostgreSQL mode) and PostgreSQL both accept; the same
 * statements for both. The SQL is written out here rather than taken from the application, so that this migration
 * stays what it was when later code changes.
 */
public class V72__Audit_chain_lines extends BaseJavaMigration {

    static final int LINES = 8;
    private static final String GENESIS = "0".repeat(64);

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        long next = Math.max(single(connection, "select coalesce(max(seq), 0) from audit_events"),
                single(connection, "select coalesce(max(last_seq), 0) from audit_chain_head")) + 1;
        try (Statement statement = connection.createStatement()) {
            statement.execute("alter table audit_events add column line int");
            statement.execute("alter table audit_events add column line_seq bigint");
            statement.execute("update audit_events set line = 1, line_seq = seq");
            statement.execute("alter table audit_events alter column line set not null");
            statement.execute("alter table audit_events alter column line_seq set not null");
            statement.execute("create unique index ux_audit_events_line on audit_events (line, line_seq)");
            for (int line = 2; line <= LINES; line++) {
                statement.execute("insert into audit_chain_head (id, last_seq, last_hash) values (" + line + ", 0, '"
                        + GENESIS + "')");
            }
            statement.execute("create sequence audit_seq start with " + next);
        }
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
