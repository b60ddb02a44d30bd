package io.labgate.report;

import io.labgate.platform.error.ApiException;
import io.labgate.platform.error.ErrorCode;
import io.labgate.platform.error.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs the report's sections: every {@link ReportSection} bean, in {@link ReportSection#order()}. It knows nothing
 * of what a section means; it checks the query against what each section can do and collects tables and figures.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ReportService {

    /** What a section can be asked about, for {@code GET /api/v1/reports/sections}. */
    public record SectionInfo(String id, String title, int order, List<ReportDimension> dimensions) {}

    @Inject
    @Any
    Instance<ReportSection> beans;

    @Inject
    Clock clock;

    /** Every section, in report order. */
    public List<ReportSection> sections() {
        return beans.stream()
                .sorted(Comparator.comparingInt(ReportSection::order).thenComparing(ReportSection::id))
                .toList();
    }

    public List<SectionInfo> describe() {
        return sections().stream()
                .map(s -> new SectionInfo(s.id(), s.title(), s.order(), sorted(s.dimensions())))
                .toList();
    }

    /** The section with this id. @throws ApiException 404 naming the sections that exist */
    public ReportSection section(String id) {
        return sections().stream()
                .filter(s -> s.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new ApiException(
                        ErrorCode.NOT_FOUND,
                        "report section '" + id
                                + "' does not exist; the sections are "
                                + sections().stream().map(ReportSection::id).collect(Collectors.joining(", "))));
    }

    /**
     * Reads the query parameters of a report.
     *
     * @throws ApiException 400 naming every bad parameter
     */
    public static ReportQuery query(String from, String to, String groupBy, String source) {
        List<Problem.Violation> violations = new ArrayList<>();
        ReportPeriod period = null;
        LocalDate first = date("from", from, violations);
        LocalDate last = date("to", to, violations);
        if (first != null && last != null) {
            try {
                period = new ReportPeriod(first, last);
            } catch (ApiException e) {
                violations.addAll(e.violations());
            }
        }
        ReportDimension dimension = null;
        if (groupBy != null && !groupBy.isBlank()) {
            try {
                dimension = ReportDimension.valueOf(groupBy.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                violations.add(new Problem.Violation(
                        "groupBy", "must be one of " + Arrays.toString(ReportDimension.values())));
            }
        }
        ReportSource reportSource = null;
        if (source != null && !source.isBlank()) {
            try {
                reportSource = ReportSource.valueOf(source.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                violations.add(
                        new Problem.Violation("source", "must be one of " + Arrays.toString(ReportSource.values())));
            }
        }
        if (!violations.isEmpty()) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, Problem.summary(violations), violations);
        }
        return new ReportQuery(period, dimension, reportSource);
    }

    /**
     * One section, grouped as asked.
     *
     * @throws ApiException 404 for an unknown section, 400 when it cannot be grouped by the dimension asked
     */
    public Report section(String id, ReportQuery query) {
        ReportSection section = section(id);
        if (query.groupBy() != null && !section.dimensions().contains(query.groupBy())) {
            String supported = section.dimensions().isEmpty()
                    ? "it cannot be grouped"
                    : "it can be grouped by " + sorted(section.dimensions());
            throw ApiException.invalid(
                    "groupBy", "section " + id + " cannot be grouped by " + query.groupBy() + "; " + supported);
        }
        Instant generatedAt = now();
        return new Report(
                query, generatedAt, section.summary(query), List.of(new Report.Part(section.compute(query), null)));
    }

    /**
     * Every section. A section that cannot be grouped by the dimension asked is given ungrouped, with a note
     * saying so.
     */
    public Report full(ReportQuery query) {
        Instant generatedAt = now();
        List<ReportFigure> figures = new ArrayList<>();
        List<Report.Part> parts = new ArrayList<>();
        for (ReportSection section : sections()) {
            figures.addAll(section.summary(query));
            if (query.groupBy() == null || section.dimensions().contains(query.groupBy())) {
                parts.add(new Report.Part(section.compute(query), null));
            } else {
                String note = "not grouped: section " + section.id() + " cannot be grouped by " + query.groupBy()
                        + (section.dimensions().isEmpty()
                                ? ""
                                : "; it can be grouped by " + sorted(section.dimensions()));
                parts.add(new Report.Part(section.compute(query.groupedBy(null)), note));
            }
        }
        return new Report(query, generatedAt, figures, parts);
    }

    /** An ISO date parameter, or null with a violation naming it. */
    private static LocalDate date(String name, String value, List<Problem.Violation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new Problem.Violation(name, "is required: an ISO date such as 2026-01-01"));
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            violations.add(new Problem.Violation(name, "must be an ISO date such as 2026-01-01"));
            return null;
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private static List<ReportDimension> sorted(Set<ReportDimension> dimensions) {
        return dimensions.isEmpty() ? List.of() : List.copyOf(EnumSet.copyOf(dimensions));
    }
}
