package io.labgate.report.sections;

import io.labgate.catalogue.CoverageEntry;
import io.labgate.catalogue.CoverageService;
import io.labgate.report.ReportColumn;
import io.labgate.report.ReportDimension;
import io.labgate.report.ReportFigure;
import io.labgate.report.ReportQuery;
import io.labgate.report.ReportSection;
import io.labgate.report.ReportTable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Programme coverage: for every industry × AI technology pair, the datasets published and the distinct provider
 * companies behind them, and whether the programme's target (at least two providers) is met. The catalogue's own
 * coverage query ({@link CoverageService#asOf}) answers it as of the end of the period, or now when the period
 * ends in the future. Its rows are the pairs; it is not grouped.
 */
@ApplicationScoped
public class CoverageSection implements ReportSection {

    public static final String ID = "coverage";

    static final List<ReportColumn> COLUMNS = List.of(
            ReportColumn.text("industryCode", "Industry code"),
            ReportColumn.text("industry", "Industry"),
            ReportColumn.text("aiTechnologyCode", "AI technology code"),
            ReportColumn.text("aiTechnology", "AI technology"),
            ReportColumn.integer("publishedDatasets", "Published datasets"),
            ReportColumn.integer("providers", "Providers"),
            ReportColumn.text(
                    "meetsProgrammeTarget",
                    "Target met (≥ " + CoverageEntry.PROGRAMME_TARGET_PROVIDERS + " providers)"),
            ReportColumn.text("asOf", "As of"));

    @Inject
    CoverageService coverage;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Programme coverage: industry × AI technology, published datasets and providers";
    }

    @Override
    public int order() {
        return 70;
    }

    @Override
    public Set<ReportDimension> dimensions() {
        return Set.of();
    }

    @Override
    public ReportTable compute(ReportQuery query) {
        Instant at = asOf(query);
        Map<String, String> industries = names("industry");
        Map<String, String> technologies = names("ai_technology");
        List<List<Object>> rows = new ArrayList<>();
        for (CoverageEntry entry : coverage.asOf(at)) {
            rows.add(Arrays.asList(
                    entry.industryCode(),
                    industries.get(entry.industryCode()),
                    entry.aiTechnologyCode(),
                    technologies.get(entry.aiTechnologyCode()),
                    entry.publishedDatasets(),
                    entry.providers(),
                    Boolean.toString(entry.meetsProgrammeTarget()),
                    at.toString()));
        }
        return new ReportTable(ID, title(), null, COLUMNS, rows);
    }

    @Override
    public List<ReportFigure> summary(ReportQuery query) {
        List<CoverageEntry> entries = coverage.asOf(asOf(query));
        long covered = entries.stream().filter(e -> e.publishedDatasets() > 0).count();
        long met = entries.stream().filter(CoverageEntry::meetsProgrammeTarget).count();
        return List.of(
                new ReportFigure(ID, "pairs", "Industry × AI technology pairs", (long) entries.size()),
                new ReportFigure(ID, "pairsCovered", "Pairs with a published dataset", covered),
                new ReportFigure(ID, "pairsMeetingTarget", "Pairs meeting the programme target", met));
    }

    /** The end of the period, or now if that is still to come. */
    Instant asOf(ReportQuery query) {
        Instant end = query.period().end();
        Instant now = clock.instant();
        return end.isAfter(now) ? now : end;
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> names(String table) {
        Map<String, String> names = new HashMap<>();
        for (Object[] row : (List<Object[]>)
                em.createNativeQuery("SELECT code, name FROM " + table).getResultList()) {
            names.put((String) row[0], (String) row[1]);
        }
        return names;
    }
}
