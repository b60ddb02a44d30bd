package io.labgate.report;

import io.labgate.notify.api.MonthlyReportDocument;
import io.labgate.report.render.PdfRenderer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.YearMonth;

/** The operation report of one whole month as a PDF, as the monthly mail attaches it. */
@ApplicationScoped
public class MonthlyReport implements MonthlyReportDocument {

    @Inject
    ReportService reports;

    @Override
    public Attachment render(YearMonth month, String language) {
        ReportQuery query = ReportService.query(
                month.atDay(1).toString(), month.atEndOfMonth().toString(), null, null);
        Report report = reports.full(query);
        return new Attachment(
                report.fileName("all", ReportFormat.PDF),
                ReportFormat.PDF.mediaType(),
                // no person asked for it: the cover names the schedule
                PdfRenderer.render(report, ReportLanguage.parse(language), "LabGate (monthly report)"));
    }
}
