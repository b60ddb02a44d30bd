package io.labgate.export.inspect;

import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Korean personal identifiers in a line of text: resident registration numbers (주민등록번호, {@code YYMMDD-GNNNNNC}
 * with a real date, a gender digit 1-8 and a valid check digit), phone numbers (mobile {@code 010-…}, Seoul
 * {@code 02-…}, regional {@code 031-…}) and e-mail addresses. Pure logic.
 *
 * <p>Numbers issued since October 2020 end in random digits instead of a check digit; they are not counted here
 * (they look like any 13 digits), which is why reviewers still read what is flagged and what is not.
 */
public final class PersonalData {

    private static final Pattern RRN =
            Pattern.compile("(?<![\\d-])(\\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01]) ?-? ?([1-8])(\\d{6})(?![\\d-])");
    private static final Pattern PHONE =
            Pattern.compile("(?<![\\d-])(?:01[016789]|02|0[3-6][1-5])[- .]?\\d{3,4}[- .]?\\d{4}(?![\\d-])");
    private static final Pattern EMAIL =
            Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final int[] WEIGHTS = {2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5};

    private PersonalData() {}

    /** How many of each kind the line holds. */
    public static Map<Finding.Kind, Integer> scan(String line) {
        Map<Finding.Kind, Integer> found = new EnumMap<>(Finding.Kind.class);
        // a registration number is no phone number: blank each one out before looking for phones
        StringBuilder rest = new StringBuilder(line);
        Matcher rrn = RRN.matcher(line);
        while (rrn.find()) {
            String digits = rrn.group(1) + rrn.group(2) + rrn.group(3) + rrn.group(4) + rrn.group(5);
            if (validCheckDigit(digits)) {
                found.merge(Finding.Kind.RESIDENT_REGISTRATION_NUMBER, 1, Integer::sum);
                for (int i = rrn.start(); i < rrn.end(); i++) {
                    rest.setCharAt(i, ' ');
                }
            }
        }
        count(PHONE, rest, Finding.Kind.PHONE_NUMBER, found);
        count(EMAIL, line, Finding.Kind.EMAIL_ADDRESS, found);
        return found;
    }

    /** The registration number's 13th digit: {@code (11 - Σ weight × digit mod 11) mod 10} over the first 12. */
    static boolean validCheckDigit(String thirteenDigits) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += WEIGHTS[i] * (thirteenDigits.charAt(i) - '0');
        }
        return (11 - sum % 11) % 10 == thirteenDigits.charAt(12) - '0';
    }

    private static void count(Pattern pattern, CharSequence text, Finding.Kind kind, Map<Finding.Kind, Integer> found) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.merge(kind, 1, Integer::sum);
        }
    }
}
