package io.labgate.report.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.labgate.report.ReportPeriod;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Which months of a period the report reads from the monthly rollup (the rest comes from the daily one). */
class WholeMonthsTest {

    private static LocalDate[] months(String from, String to) {
        return UsageSql.wholeMonths(new ReportPeriod(LocalDate.parse(from), LocalDate.parse(to)));
    }

    @Test
    void aCalendarYearIsTwelveWholeMonths() {
        assertThat(months("2025-01-01", "2025-12-31"))
                .containsExactly(LocalDate.parse("2025-01-01"), LocalDate.parse("2026-01-01"));
    }

    @Test
    void partialFirstAndLastMonthsAreLeftToTheDays() {
        assertThat(months("2025-01-15", "2025-12-30"))
                .containsExactly(LocalDate.parse("2025-02-01"), LocalDate.parse("2025-12-01"));
        assertThat(months("2024-02-01", "2024-02-29")) // a leap February is whole
                .containsExactly(LocalDate.parse("2024-02-01"), LocalDate.parse("2024-03-01"));
    }

    @Test
    void aPeriodWithoutAWholeMonthGivesAnEmptyRange() {
        LocalDate[] within = months("2025-03-02", "2025-03-30");
        assertThat(within[0]).isEqualTo(within[1]);
        LocalDate[] across = months("2025-03-15", "2025-04-14");
        assertThat(across[0]).isEqualTo(across[1]);
    }
}
