package cn.baomi.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class BaomiApplication {

    public static void main(String[] args) {
        SpringApplication.run(BaomiApplication.class, withSwitches(args));
    }

    /** {@code --demo} is the documented short form of {@code --baomi.demo=true}. */
    static String[] withSwitches(String[] args) {
        return java.util.Arrays.stream(args).map(a -> a.equals("--demo") ? "--baomi.demo=true" : a).toArray(String[]::new);
    }
}
