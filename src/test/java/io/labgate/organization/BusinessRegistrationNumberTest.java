package io.labgate.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labgate.testing.BusinessRegistrationNumbers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class BusinessRegistrationNumberTest {

    @ParameterizedTest
    @CsvSource({
        // the example of the brief, worked by hand: 2+6+0+8+3+42+2+15+5 = 83, +floor(1*5/10) = 83 -> 7
        "220-81-62517, 2208162517",
        // 1+6+28+8+3+0+0+27+45 = 118, +floor(9*5/10)=4 -> 122 -> 8
        "124-81-00998, 1248100998",
        // 1+6+21+4+15+42+7+24+45 = 165, +4 -> 169 -> 1
        "1234567891, 1234567891",
        // 3+3+28+1+15+63+2+18+25 = 158, +2 -> 160 -> check digit 0
        "314-15-92650, 3141592650",
        // 9 * 31 = 279, +4 -> 283 -> 7
        "999-99-99997, 9999999997",
        "'  220-81-62517 ', 2208162517"
    })
    void validNumbersNormalizeToTenDigits(String written, String digits) {
        assertThat(BusinessRegistrationNumber.isValid(written)).isTrue();
        assertThat(BusinessRegistrationNumber.normalize(written)).isEqualTo(digits);
    }

    @ParameterizedTest
    @ValueSource(strings = {"220-81-62510", "220-81-62518", "2208162516", "124-81-00990", "1234567890", "314-15-92651"})
    void wrongCheckDigitIsRejected(String written) {
        assertThat(BusinessRegistrationNumber.isValid(written)).isFalse();
        assertThatThrownBy(() -> BusinessRegistrationNumber.normalize(written))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("check digit");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                " ",
                "220-8162517",
                "22081-62517",
                "220-81-6251",
                "220-81-625170",
                "220 81 62517",
                "220.81.62517",
                "22-081-62517",
                "220816251",
                "22081625170",
                "22O8162517",
                "２２０８１６２５１７",
                "220--81-62517"
            })
    void malformedNumbersAreRejected(String written) {
        assertThat(BusinessRegistrationNumber.isValid(written)).isFalse();
        assertThatThrownBy(() -> BusinessRegistrationNumber.normalize(written))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("10 digits");
    }

    @Test
    void checkDigitFollowsTheWeightedSum() {
        assertThat(BusinessRegistrationNumber.checkDigit("220816251")).isEqualTo(7);
        assertThat(BusinessRegistrationNumber.checkDigit("124810099")).isEqualTo(8);
        assertThat(BusinessRegistrationNumber.checkDigit("314159265")).isZero();
        assertThat(BusinessRegistrationNumber.checkDigit("000000000")).isZero();
        // the ninth digit counts twice: once weighted by 5, once as floor(d9 * 5 / 10)
        assertThat(BusinessRegistrationNumber.checkDigit("000000001")).isEqualTo(5);
        assertThat(BusinessRegistrationNumber.checkDigit("000000002")).isEqualTo(9);
        assertThat(BusinessRegistrationNumber.checkDigit("000000003")).isEqualTo(4);
        assertThatThrownBy(() -> BusinessRegistrationNumber.checkDigit("12345678"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BusinessRegistrationNumber.checkDigit("12345678x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void exactlyOneCheckDigitFitsEachPrefix() {
        for (int i = 0; i < 10; i++) {
            String nine = "12345678" + i;
            long valid = java.util.stream.IntStream.range(0, 10)
                    .filter(d -> BusinessRegistrationNumber.isValid(nine + d))
                    .count();
            assertThat(valid).as("valid check digits after %s", nine).isEqualTo(1);
        }
    }

    @Test
    void agreesWithTheTestHelpersOwnReadingOfTheRule() {
        for (int i = 0; i < 2_000; i++) {
            String valid = BusinessRegistrationNumbers.random();
            assertThat(BusinessRegistrationNumber.normalize(valid)).isEqualTo(valid);
            assertThat(BusinessRegistrationNumber.normalize(BusinessRegistrationNumbers.withDashes(valid)))
                    .isEqualTo(valid);
            assertThat(BusinessRegistrationNumber.isValid(BusinessRegistrationNumbers.randomWithWrongCheckDigit()))
                    .isFalse();
        }
    }

    @Test
    void formatsTenDigitsWithDashes() {
        assertThat(BusinessRegistrationNumber.format("2208162517")).isEqualTo("220-81-62517");
        assertThatThrownBy(() -> BusinessRegistrationNumber.format("220-81-62517"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
