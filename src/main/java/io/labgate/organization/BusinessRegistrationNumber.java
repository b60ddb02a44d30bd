package io.labgate.organization;

import java.util.regex.Pattern;

/**
 * The Korean business registration number (사업자등록번호): ten digits, written {@code 123-45-67890} or
 * {@code 1234567890}, whose last digit is a check digit over the first nine. Pure logic, no framework.
 *
 * <p>The check digit: multiply the first nine digits by 1, 3, 7, 1, 3, 7, 1, 3, 5 and sum the products; add
 * {@code floor(d9 * 5 / 10)} where {@code d9} is the ninth digit; the check digit is
 * {@code (10 - sum mod 10) mod 10}.
 */
public final class BusinessRegistrationNumber {

    private static final int[] WEIGHTS = {1, 3, 7, 1, 3, 7, 1, 3, 5};
    private static final Pattern WRITTEN = Pattern.compile("\\d{3}-\\d{2}-\\d{5}|\\d{10}");

    private BusinessRegistrationNumber() {}

    /**
     * The ten digits of a well-written number with a correct check digit.
     *
     * @throws IllegalArgumentException with a message fit for a client when the number is malformed or its
     *     check digit is wrong
     */
    public static String normalize(String written) {
        String trimmed = written == null ? "" : written.strip();
        if (!WRITTEN.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("must be 10 digits, written 123-45-67890 or 1234567890");
        }
        String digits = trimmed.replace("-", "");
        if (checkDigit(digits.substring(0, 9)) != digits.charAt(9) - '0') {
            throw new IllegalArgumentException("is not a valid business registration number (wrong check digit)");
        }
        return digits;
    }

    /** True when {@link #normalize} accepts the number. */
    public static boolean isValid(String written) {
        try {
            normalize(written);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The check digit of the first nine digits of a number. */
    public static int checkDigit(String firstNine) {
        if (firstNine == null || firstNine.length() != 9 || !firstNine.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("needs exactly nine digits");
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (firstNine.charAt(i) - '0') * WEIGHTS[i];
        }
        sum += (firstNine.charAt(8) - '0') * 5 / 10;
        return (10 - sum % 10) % 10;
    }

    /** The usual written form {@code 123-45-67890} of ten digits. */
    public static String format(String digits) {
        if (digits == null || !digits.matches("\\d{10}")) {
            throw new IllegalArgumentException("needs exactly ten digits");
        }
        return digits.substring(0, 3) + "-" + digits.substring(3, 5) + "-" + digits.substring(5);
    }
}
