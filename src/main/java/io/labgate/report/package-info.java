/**
 * The year-2 operation report: figures for the funding agency over any period, grouped by one
 * {@link io.labgate.report.ReportDimension}, as JSON, CSV or XLSX. Each section of the report is a
 * {@link io.labgate.report.ReportSection} bean producing one {@link io.labgate.report.ReportTable}; the
 * renderers know nothing of what a section means. Usage figures come from the daily rollup of the usage log
 * (or, for comparison, from the raw events). docs/reports.md defines every field.
 */
package io.labgate.report;
