package cn.baomi.server;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import cn.baomi.server.audit.AuditCommand;

@SpringBootApplication
public class BaomiApplication {

    public static void main(String[] args) {
        if (AuditCommand.requested(args)) {
            System.exit(AuditCommand.run(args, System.out, System.err));
        }
        SpringApplication.run(BaomiApplication.class, withSwitches(args));
    }

    /** {@code --demo} is the documented short form of {@code --baomi.demo=true}. */
    static String[] withSwitches(String[] args) {
        return Arrays.stream(args).map(a -> a.equals("--demo") ? "--baomi.demo=true" : a).toArray(String[]::new);
    }
}
