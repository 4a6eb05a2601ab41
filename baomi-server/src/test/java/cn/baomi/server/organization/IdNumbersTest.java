package cn.baomi.server.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import cn.baomi.server.shared.BusinessRuleViolation;

/** Resident ID numbers follow GB 11643: length, digits, a real birth date and the check digit. */
class IdNumbersTest {

    // 11010519491231002X is the standard's own example.
    private static final String EXAMPLE = "11010519491231002X";

    @Test
    void aValidNumberIsAcceptedAndALowerCaseXIsStoredUpperCase() {
        assertThat(IdNumbers.normalise(EXAMPLE)).isEqualTo(EXAMPLE);
        assertThat(IdNumbers.normalise(" 11010519491231002x ")).isEqualTo(EXAMPLE);
        assertThat(IdNumbers.checkDigit("11010519491231002")).isEqualTo('X');
    }

    @Test
    void aWrongCheckDigitIsRefused() {
        assertRefused("110105194912310021", "org.person.idNumber.checkDigit");
    }

    @Test
    void anImpossibleBirthDateIsRefused() {
        String feb30 = "11010519490230002";
        assertRefused(feb30 + IdNumbers.checkDigit(feb30), "org.person.idNumber.birthDate");
        String future = "11010530000101002";
        assertRefused(future + IdNumbers.checkDigit(future), "org.person.idNumber.birthDate");
    }

    @Test
    void aWrongLengthOrLettersAreRefused() {
        assertRefused("11010519491231002", "org.person.idNumber.length");
        assertRefused("11010519491231002X1", "org.person.idNumber.length");
        assertRefused("1101051949123100AX", "org.person.idNumber.format");
        assertRefused("  ", "validation.required");
    }

    @Test
    void theMaskKeepsTheFirstThreeAndLastFourCharacters() {
        assertThat(IdNumbers.mask(EXAMPLE)).isEqualTo("110***********002X").hasSize(18);
    }

    private static void assertRefused(String number, String key) {
        assertThatThrownBy(() -> IdNumbers.normalise(number))
                .isInstanceOfSatisfying(BusinessRuleViolation.class, e -> {
                    assertThat(e.field()).isEqualTo("idNumber");
                    assertThat(e.messageKey()).isEqualTo(key);
                });
    }
}
