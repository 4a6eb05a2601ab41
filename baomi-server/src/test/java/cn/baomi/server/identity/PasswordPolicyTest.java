package cn.baomi.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class PasswordPolicyTest {

    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(4);
    private final PasswordPolicy policy = new PasswordPolicy(encoder);

    @Test
    void passwordNeedsAtLeastTenCharacters() {
        assertThat(policy.violations("zhang", "Ab1#xyz12", List.of())).containsExactly("password.tooShort");
        assertThat(policy.violations("zhang", "Ab1#xyz123", List.of())).isEmpty();
    }

    @Test
    void passwordNeedsThreeOfFourCharacterClasses() {
        assertThat(policy.violations("zhang", "abcdefghij12", List.of())).containsExactly("password.tooFewClasses");
        assertThat(policy.violations("zhang", "ABCDEFGHIJ!!", List.of())).containsExactly("password.tooFewClasses");
        assertThat(policy.violations("zhang", "abcdefGHIJ12", List.of())).isEmpty();
        assertThat(policy.violations("zhang", "abcdefghij1!", List.of())).isEmpty();
        assertThat(policy.violations("zhang", "保密工作人人有责aB1", List.of())).isEmpty();
    }

    @Test
    void passwordMustNotContainTheUserName() {
        assertThat(policy.violations("zhangsan", "My-ZhangSan-2026", List.of())).containsExactly("password.containsUsername");
    }

    @Test
    void passwordMustNotBeOneOfTheLastFive() {
        List<String> recent = List.of(encoder.encode("Old#Password1"), encoder.encode("Old#Password2"));
        assertThat(policy.violations("zhang", "Old#Password2", recent)).containsExactly("password.recentlyUsed");
        assertThat(policy.violations("zhang", "New#Password3", recent)).isEmpty();
    }
}
