package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import cn.baomi.server.shared.crypto.Sm4Cipher;
import cn.baomi.server.shared.crypto.Sm4Keys;

/**
 * V67, in Java because encrypting the passport numbers already stored needs the SM4 key (docs/decisions/0005):
 * <ol>
 *   <li>trips may be WITHDRAWN (before approval) or CANCELLED (approved, before departure), with who and when, and
 *       remember the person of whoever asked for their approval (the approval module's requester);</li>
 *   <li>travel document numbers are stored like resident ID numbers: SM4 ciphertext, keyed digest for uniqueness,
 *       masked copy for lists; existing plain numbers are encrypted here and the plain column dropped;</li>
 *   <li>{@code person_directory}: the organisation's read-only view of persons (never the ID number) for SQL of
 *       other modules that must filter and page by person (the personnel roster).</li>
 * </ol>
 * The key comes from the Flyway placeholders {@code baomi-sm4-key} and {@code baomi-data-dir}, which
 * application.properties maps from {@code baomi.security.sm4-key} and {@code baomi.data-dir}; it is read only when
 * there are numbers to encrypt. Every statement is plain SQL for both H2 (PostgreSQL mode) and PostgreSQL. The
 * class lives in {@code db.migration}, where Flyway finds it by itself, so every context that migrates the
 * database (the application, {@code --verify-audit}) knows it.
 */
public class V67__Travel_withdrawal_encrypted_document_numbers_person_directory extends BaseJavaMigration {

    static final String KEY = "baomi-sm4-key";
    static final String DATA_DIR = "baomi-data-dir";

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        execute(connection,
                "alter table personnel_travels drop constraint ck_personnel_travels_state",
                "alter table personnel_travels add constraint ck_personnel_travels_state check (state in "
                        + "('PENDING', 'APPROVED', 'REFUSED', 'RECORDED', 'WITHDRAWN', 'CANCELLED'))",
                "alter table personnel_travels add column requested_by_person bigint",
                "alter table personnel_travels add column ended_by varchar(50)",
                "alter table personnel_travels add column ended_at timestamp with time zone",
                "alter table travel_documents add column number_cipher varchar(200)",
                "alter table travel_documents add column number_digest varchar(64)",
                "alter table travel_documents add column number_masked varchar(30)");
        encryptNumbers(connection, context.getConfiguration().getPlaceholders());
        execute(connection,
                "alter table travel_documents drop constraint uq_travel_documents_number",
                "alter table travel_documents drop column number",
                "alter table travel_documents alter column number_cipher set not null",
                "alter table travel_documents alter column number_digest set not null",
                "alter table travel_documents alter column number_masked set not null",
                "alter table travel_documents add constraint uq_travel_documents_number unique (kind, number_digest)",
                "create view person_directory as select id, unit_id, department_id, position_id, name, clearance, "
                        + "employment_type, active from persons");
    }

    /** Encrypts every plain number; the key is needed (and its file created) only when there is one. */
    static void encryptNumbers(Connection connection, Map<String, String> placeholders) throws SQLException {
        List<Object[]> plain = new ArrayList<>();
        try (Statement select = connection.createStatement();
             ResultSet rs = select.executeQuery("select id, number from travel_documents order by id")) {
            while (rs.next()) {
                plain.add(new Object[] {rs.getLong(1), rs.getString(2)});
            }
        }
        if (plain.isEmpty()) {
            return;
        }
        String dataDir = placeholders.get(DATA_DIR);
        if (dataDir == null || dataDir.isBlank()) {
            throw new IllegalStateException("V67 encrypts travel document numbers and needs the Flyway placeholder "
                    + DATA_DIR + " (spring.flyway.placeholders." + DATA_DIR + "=${baomi.data-dir})");
        }
        Sm4Cipher cipher = Sm4Keys.cipher(placeholders.get(KEY), dataDir);
        try (PreparedStatement update = connection.prepareStatement(
                "update travel_documents set number_cipher = ?, number_digest = ?, number_masked = ? where id = ?")) {
            for (Object[] row : plain) {
                String number = (String) row[1];
                update.setString(1, cipher.encrypt(number));
                update.setString(2, cipher.digest(number));
                update.setString(3, masked(number));
                update.setLong(4, (Long) row[0]);
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /** The last three characters, as the register has always shown numbers to everyone but the secrecy office. */
    static String masked(String number) {
        return number.length() <= 3 ? "***" : "*".repeat(number.length() - 3) + number.substring(number.length() - 3);
    }

    private static void execute(Connection connection, String... statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
