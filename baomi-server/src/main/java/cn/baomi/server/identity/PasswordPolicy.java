package cn.baomi.server.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Password rules: at least 10 characters, from at least 3 of the 4 classes (upper case, lower case,
 * digits, other), not containing the user name, and none of the last five passwords.
 * Answers the message keys of every rule broken.
 */
@Component
class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    private final PasswordEncoder encoder;

    PasswordPolicy(PasswordEncoder encoder) {
        this.encoder = encoder;
    }

    List<String> violations(String username, String password, List<String> recentHashes) {
        List<String> broken = new ArrayList<>();
        if (password == null || password.length() < MIN_LENGTH) {
            broken.add("password.tooShort");
            return broken;
        }
        if (characterClasses(password) < 3) {
            broken.add("password.tooFewClasses");
        }
        if (username != null && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            broken.add("password.containsUsername");
        }
        if (recentHashes.stream().anyMatch(hash -> encoder.matches(password, hash))) {
            broken.add("password.recentlyUsed");
        }
        return broken;
    }

    static int characterClasses(String password) {
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else {
                other = true;
            }
        }
        return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }
}
