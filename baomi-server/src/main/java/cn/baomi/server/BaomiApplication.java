package cn.baomi.server;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;

import cn.baomi.server.audit.AuditCommand;

@SpringBootApplication
public class BaomiApplication {

    private static final String AOT_ENABLED = "spring.aot.enabled";

    public static void main(String[] args) {
        if (AuditCommand.requested(args)) {
            System.exit(AuditCommand.run(args, System.out, System.err));
        }
        String recording = System.getProperty(StartupClasses.RECORD);
        if (recording == null && !Boolean.getBoolean("spring.aot.processing")) {
            StartupClasses.preloadInBackground(BaomiApplication.class.getClassLoader(), System.getenv("BAOMI_DB_URL"));
        }
        useAheadOfTimeContext();
        ConfigurableApplicationContext context = SpringApplication.run(BaomiApplication.class, withSwitches(args));
        if (recording != null) {
            StartupClasses.record(context, recording);
            System.exit(SpringApplication.exit(context));
        }
    }

    /**
     * The packaged jar carries the application context processed ahead of time (spring-boot-maven-plugin
     * {@code process-aot}); using it saves the configuration-class parsing and condition evaluation at every
     * start (docs/decisions/startup-aot.md). Off while that processing runs, when the generated initializer is absent (running from the
     * IDE or from {@code target/classes} before packaging) or with {@code -Dspring.aot.enabled=false}.
     */
    static void useAheadOfTimeContext() {
        if (System.getProperty(AOT_ENABLED) == null && !Boolean.getBoolean("spring.aot.processing") && ClassUtils.isPresent(
                BaomiApplication.class.getName() + "__ApplicationContextInitializer", BaomiApplication.class.getClassLoader())) {
            System.setProperty(AOT_ENABLED, "true");
        }
    }

    /** {@code --demo} is the documented short form of {@code --baomi.demo=true}. */
    static String[] withSwitches(String[] args) {
        return Arrays.stream(args).map(a -> a.equals("--demo") ? "--baomi.demo=true" : a).toArray(String[]::new);
    }
}
