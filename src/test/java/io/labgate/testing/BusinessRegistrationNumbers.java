package io.labgate.testing;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Random Korean business registration numbers for tests, so that tests sharing one database never collide. The
 * check-digit rule is written out again here on purpose: it is a second, independent reading of the rule.
 */
public final class BusinessRegistrationNumbers {

    private static final int[] WEIGHTS = {1, 3, 7, 1, 3, 7, 1, 3, 5};

    private BusinessRegistrationNumbers() {}

    /** Ten digits with a correct check digit. */
    public static String random() {
        StringBuilder digits = new StringBuilder();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        digits.append(1 + random.nextInt(9)); // no leading zero, like real tax-office codes
        for (int i = 1; i < 9; i++) {
            digits.append(random.nextInt(10));
        }
        return digits.append(checkDigit(digits.toString())).toString();
    }

    /** A random valid number in the written form 123-45-67890. */
    public static String randomWithDashes() {
        return withDashes(random());
    }

    /** A random number whose check digit is wrong. */
    public static String randomWithWrongCheckDigit() {
        String valid = random();
        int wrong = (valid.charAt(9) - '0' + 1 + ThreadLocalRandom.current().nextInt(9)) % 10;
        return valid.substring(0, 9) + wrong;
    }

    public static String withDashes(String digits) {
        return digits.substring(0, 3) + "-" + digits.substring(3, 5) + "-" + digits.substring(5);
    }

    static int checkDigit(String firstNine) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += Character.getNumericValue(firstNine.charAt(i)) * WEIGHTS[i];
        }
        sum += Math.floorDiv(Character.getNumericValue(firstNine.charAt(8)) * 5, 10);
        return Math.floorMod(10 - Math.floorMod(sum, 10), 10);
    }
}
