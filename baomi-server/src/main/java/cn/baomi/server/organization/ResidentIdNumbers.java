package cn.baomi.server.organization;

/** Resident ID numbers (GB 11643) for other modules: the one place that knows the check digit. */
public final class ResidentIdNumbers {

    private ResidentIdNumbers() {
    }

    /** The 18-character number whose first 17 digits are given, with its check digit. */
    public static String withCheckDigit(String first17) {
        if (first17 == null || !first17.matches("[0-9]{17}")) {
            throw new IllegalArgumentException("17 digits expected");
        }
        return first17 + IdNumbers.checkDigit(first17);
    }
}
