package cn.baomi.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class BaomiApplication {

    public static void main(String[] args) {
        SpringApplication.run(BaomiApplication.class, args);
    }
}
