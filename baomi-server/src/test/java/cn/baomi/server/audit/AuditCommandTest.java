package cn.baomi.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The whole {@code --verify-audit} start-up, in-process, against an embedded database of its own. */
class AuditCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void theFlagIsRecognisedAmongOtherArguments() {
        assertThat(AuditCommand.requested(new String[] {"--server.port=0", "--verify-audit"})).isTrue();
        assertThat(AuditCommand.requested(new String[] {"--server.port=0"})).isFalse();
    }

    @Test
    void anIntactChainExitsWithZero() {
        int exit = AuditCommand.run(args(url()), print(out), print(err));

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).trim())
                .isEqualTo("审计链完整，共校验 0 条 / Audit chain intact, 0 records checked");
    }

    @Test
    void aTamperedChainExitsWithOneAndNamesTheRecord() throws Exception {
        String url = url();
        assertThat(AuditCommand.run(args(url), print(new ByteArrayOutputStream()), print(err))).isZero();
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            connection.createStatement().executeUpdate("update audit_chain_head set last_seq = 1 where id = 1");
        }

        int exit = AuditCommand.run(args(url), print(out), print(err));

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("第 1 条").contains("记录缺失")
                .contains("record 1").contains("record missing");
    }

    @Test
    void aDatabaseThatCannotBeReachedExitsWithTwo() {
        int exit = AuditCommand.run(args("jdbc:nosuchdriver:baomi"), print(out), print(err));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("审计链校验出错").contains("verification failed");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    private static String url() {
        return "jdbc:h2:mem:cli" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    }

    private static String[] args(String url) {
        return new String[] {AuditCommand.FLAG, "--spring.datasource.url=" + url, "--spring.datasource.username=sa",
                "--spring.datasource.password="};
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
