package io.labgate.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labgate.platform.error.ApiException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Figures in human units, in both languages, and the {@code lang} parameter. */
class ReportUnitsTest {

    private final ReportUnits en = ReportLabels.of(ReportLanguage.EN).units();
    private final ReportUnits ko = ReportLabels.of(ReportLanguage.KO).units();

    @Test
    void bytesAreBinaryWithOneDecimal() {
        assertThat(en.bytes(0)).isEqualTo("0 B");
        assertThat(en.bytes(1023)).isEqualTo("1023 B");
        assertThat(en.bytes(1536)).isEqualTo("1.5 KiB");
        assertThat(en.bytes(1_610_612_736L)).isEqualTo("1.5 GiB");
        assertThat(en.bytes(19_228_568_584_192L)).isEqualTo("17.5 TiB");
        assertThat(en.bytes(1024L * 1024 - 1)).as("not 1024.0 KiB").isEqualTo("1.0 MiB");
        assertThat(en.format("bytesDelivered", 446_000_000L)).isEqualTo("425.3 MiB");
    }

    @Test
    void hoursAndTimesToDecision() {
        assertThat(en.format("gpuHours", new BigDecimal("2598.827787"))).isEqualTo("2,598.8 h");
        assertThat(ko.format("gpuHours", new BigDecimal("2598.827787"))).isEqualTo("2,598.8시간");
        assertThat(en.format("medianHoursToDecision", new BigDecimal("26.083333")))
                .isEqualTo("26 h 5 min");
        assertThat(ko.format("medianHoursToDecision", new BigDecimal("26.083333")))
                .isEqualTo("26시간 5분");
        assertThat(ko.format("p90HoursToDecision", new BigDecimal("0.00005"))).isEqualTo("1분 미만");
        assertThat(en.format("p90HoursToDecision", new BigDecimal("0.00005"))).isEqualTo("< 1 min");
        assertThat(en.format("medianHoursToDecision", new BigDecimal("0.5"))).isEqualTo("30 min");
        assertThat(en.format("medianHoursToDecision", new BigDecimal("3"))).isEqualTo("3 h");
        assertThat(en.format("medianHoursToDecision", null)).isEqualTo(ReportUnits.EMPTY);
    }

    @Test
    void ratiosArePercentagesAndCountsHaveSeparators() {
        assertThat(en.format("utilisation", new BigDecimal("0.423150"))).isEqualTo("42.3%");
        assertThat(en.format("maxUsageRatio", new BigDecimal("1.000000"))).isEqualTo("100.0%");
        assertThat(ko.format("requestsReceived", 1_234_567L)).isEqualTo("1,234,567");
        assertThat(en.format("groupName", "제주")).isEqualTo("제주");
    }

    @Test
    void languageIsKoreanByDefaultAndOnlyKoOrEn() {
        assertThat(ReportLanguage.parse(null)).isEqualTo(ReportLanguage.KO);
        assertThat(ReportLanguage.parse(" EN ")).isEqualTo(ReportLanguage.EN);
        assertThatThrownBy(() -> ReportLanguage.parse("xx"))
                .isInstanceOfSatisfying(
                        ApiException.class,
                        e -> assertThat(e.violations())
                                .extracting(v -> v.field())
                                .containsExactly("lang"));
    }

    @Test
    void labelsFallBackToTheCodesEnglish() {
        ReportLabels korean = ReportLabels.of(ReportLanguage.KO);
        ReportLabels english = ReportLabels.of(ReportLanguage.EN);
        assertThat(korean.column("transparency", "bytesDelivered", "x"))
                .isEqualTo("LabGate를 거쳐 나간 용량(REST + S3, 완료와 중단 포함)");
        assertThat(korean.figure("grants", "grantsActive", "x")).isEqualTo("유효한 허가");
        assertThat(korean.column("nothing", "nothing", "Fallback")).isEqualTo("Fallback");
        assertThat(english.section("requests", "Access requests")).isEqualTo("Access requests");
        assertThat(english.text("page", "2", "9")).isEqualTo("Page 2 of 9");
        assertThat(korean.text("page", "2", "9")).isEqualTo("2 / 9");
    }
}
