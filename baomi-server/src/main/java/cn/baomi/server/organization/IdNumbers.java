package cn.baomi.server.organization;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Locale;

import cn.baomi.server.shared.BusinessRuleViolation;

/** Resident ID numbers (居民身份证号码, GB 11643): 17 digits with the birth date, then a check digit or X. */
final class IdNumbers {

    static final String FIELD = "idNumber";
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";
    private static final DateTimeFormatter BIRTH = DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    private IdNumbers() {
    }

    /** The number in its stored form (X upper case), or a violation naming what is wrong. */
    static String normalise(String raw) {
        String number = raw == null ? "" : raw.trim().toUpperCase(Locale.ROOT);
        if (number.isEmpty()) {
            throw new BusinessRuleViolation(FIELD, "validation.required");
        }
        if (number.length() != 18) {
            throw new BusinessRuleViolation(FIELD, "org.person.idNumber.length");
        }
        if (!number.matches("[0-9]{17}[0-9X]")) {
            throw new BusinessRuleViolation(FIELD, "org.person.idNumber.format");
        }
        if (!validBirthDate(number.substring(6, 14))) {
            throw new BusinessRuleViolation(FIELD, "org.person.idNumber.birthDate");
        }
        if (checkDigit(number) != number.charAt(17)) {
            throw new BusinessRuleViolation(FIELD, "org.person.idNumber.checkDigit");
        }
        return number;
    }

    /** The first 17 characters decide the 18th. */
    static char checkDigit(String number) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (number.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    /** First 3 and last 4 characters, 11 asterisks between: {@code 110***********123X}. */
    static String mask(String number) {
        return number.substring(0, 3) + "*".repeat(11) + number.substring(14);
    }

    private static boolean validBirthDate(String yyyymmdd) {
        try {
            LocalDate date = LocalDate.parse(yyyymmdd, BIRTH);
            return date.getYear() >= 1900 && !date.isAfter(LocalDate.now());
        } catch (DateTimeException e) {
            return false;
        }
    }
}
