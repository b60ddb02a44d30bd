package io.labgate.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.labgate.report.Report;
import io.labgate.report.ReportLabels;
import io.labgate.report.ReportLanguage;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;

/** The PDF of a hand-made year (no application): figures in human units, labels, fonts, pages within margins. */
class PdfRendererTest {

    private static final Report YEAR = SampleReport.year();

    @Test
    void koreanReportShowsEveryFigureInHumanUnits() throws IOException {
        byte[] pdf = PdfRenderer.render(YEAR, ReportLanguage.KO, "operator");
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/report-sample-ko.pdf"), pdf);
        String text = PdfChecks.text(pdf);
        PdfChecks.hasEveryFigure(
                PdfChecks.page(pdf, 2), YEAR.summary(), ReportLabels.of(ReportLanguage.KO)); // all on one page
        // literal, so that a wrong formatter fails too
        assertThat(text)
                .contains("AI 실증랩", "운영 보고서", "주요 지표 요약", "operator", "2026-01-01 ~ 2026-12-31")
                .contains("2027-01-04 10:30 KST")
                .contains("1,234", "26시간 5분", "75시간 30분", "10,395.3시간", "2,598.8시간", "5.0%")
                .contains("6.9 TiB", "17.5 TiB", "415.4 GiB", "62.9%")
                .contains("접근 경로별 다운로드", "사업 목표 충족도", "합계")
                .doesNotContain("Summary of key figures");
        assertThat(text).as("UUIDs are left out").doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-");
        int pages = PdfChecks.pagesAreSound(pdf);
        assertThat(pages).isGreaterThanOrEqualTo(2 + YEAR.sections().size());
    }

    @Test
    void englishReportHasEnglishLabels() throws IOException {
        byte[] pdf = PdfRenderer.render(YEAR, ReportLanguage.EN, "auditor");
        Files.write(Path.of("target/report-sample-en.pdf"), pdf);
        String text = PdfChecks.text(pdf);
        PdfChecks.hasEveryFigure(text, YEAR.summary(), ReportLabels.of(ReportLanguage.EN));
        assertThat(text)
                .contains("AI Demonstration Lab", "Summary of key figures", "auditor", "Page 3 of")
                .contains("26 h 5 min", "10,395.3 h", "6.9 TiB", "Downloads by access path")
                .doesNotContain("주요 지표 요약");
        PdfChecks.pagesAreSound(pdf);
    }

    /** Writes the summary page as the image of docs/reports.md (target/report-summary-ko.png, 100 dpi). */
    @Test
    void summaryPageImage() throws IOException {
        byte[] pdf = PdfRenderer.render(YEAR, ReportLanguage.KO, "operator");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(1, 100);
            ImageIO.write(page, "png", Path.of("target/report-summary-ko.png").toFile());
        }
    }
}
