package io.labgate.report;

/**
 * One headline figure of the summary sheet, e.g. "Bytes downloaded (all paths)". {@code value} is a
 * {@code Long} or a {@code java.math.BigDecimal} ({@code null} when it cannot be computed, e.g. a median of
 * nothing).
 */
public record ReportFigure(String section, String key, String title, Object value) {}
