package cn.baomi.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import cn.baomi.server.audit.AuditCommand;

@SpringBootApplication
public class BaomiApplication {

    public static void main(String[] args) {
        if (AuditCommand.requested(args)) {
            System.exit(AuditCommand.run(args, System.out, System.err));
        }
        SpringApplication.run(BaomiApplication.class, args);
    }
}
