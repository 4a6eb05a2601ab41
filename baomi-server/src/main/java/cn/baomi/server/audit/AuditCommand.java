package cn.baomi.server.audit;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.NestedExceptionUtils;

/**
 * {@code java -jar baomi-server.jar --verify-audit}: verifies the audit chain from the command line,
 * prints one line (Chinese, then English) and answers 0 when intact, 1 when broken, 2 on an error.
 * It starts only the database, its migrations and the verifier — no web server, no other module — so
 * it has no side effects beyond bringing the schema up to date.
 */
public final class AuditCommand {

    public static final String FLAG = "--verify-audit";
    static final int INTACT = 0;
    static final int BROKEN = 1;
    static final int ERROR = 2;

    private AuditCommand() {
    }

    public static boolean requested(String[] args) {
        return Arrays.asList(args).contains(FLAG);
    }

    /** Starts the minimal context with the application's configuration and {@code args}, and verifies. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        SpringApplication application = new SpringApplication(Context.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setLogStartupInfo(false);
        application.setDefaultProperties(Map.of("logging.level.root", "WARN", "logging.level.org.flywaydb", "ERROR",
                "logging.level.org.springframework.boot.SpringApplication", "OFF",
                "logging.level.org.springframework.boot.diagnostics", "OFF",
                "logging.level.org.springframework.context", "ERROR"));
        String[] springArgs = Arrays.stream(args).filter(a -> !FLAG.equals(a)).toArray(String[]::new);
        try (ConfigurableApplicationContext context = application.run(springArgs)) {
            return report(context.getBean(AuditVerifier.class), out, err);
        } catch (RuntimeException e) {
            return failed(e, err);
        }
    }

    static int report(AuditVerifier verifier, PrintStream out, PrintStream err) {
        try {
            AuditVerifier.Verification result = verifier.verify();
            out.println(line(result));
            return result.intact() ? INTACT : BROKEN;
        } catch (RuntimeException e) {
            return failed(e, err);
        }
    }

    private static int failed(RuntimeException e, PrintStream err) {
        String cause = NestedExceptionUtils.getMostSpecificCause(e).getMessage();
        err.println("审计链校验出错 / Audit chain verification failed: " + cause);
        return ERROR;
    }

    static String line(AuditVerifier.Verification result) {
        if (result.intact()) {
            return "审计链完整，共校验 " + result.checked() + " 条 / Audit chain intact, " + result.checked()
                    + " records checked";
        }
        return "审计链在第 " + result.brokenSeq() + " 条处断裂（" + chinese(result.problem()) + "） / "
                + "Audit chain broken at record " + result.brokenSeq() + " (" + english(result.problem()) + ")";
    }

    private static String chinese(String problem) {
        return switch (problem) {
            case AuditVerifier.ALTERED -> "内容被篡改";
            case AuditVerifier.LINK -> "链接断裂";
            default -> "记录缺失";
        };
    }

    private static String english(String problem) {
        return switch (problem) {
            case AuditVerifier.ALTERED -> "content altered";
            case AuditVerifier.LINK -> "link broken";
            default -> "record missing";
        };
    }

    /** The beans the check needs; deliberately not a scanned {@code @Configuration}. */
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
            JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class,
            DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class})
    @Import({AuditEvents.class, AuditVerifier.class})
    static class Context {
    }
}
