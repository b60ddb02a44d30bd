package io.labgate.report;

/** What a report's rows are grouped by. Not every section can be grouped by every dimension. */
public enum ReportDimension {
    /** Calendar month in the report time zone, as YYYY-MM. */
    MONTH,
    /** The AI company concerned. */
    ORGANIZATION,
    /** The dataset (all of its versions together). */
    DATASET,
    /** The dataset's industry. */
    INDUSTRY,
    /** The dataset's AI technology. */
    AI_TECHNOLOGY,
    /**
     * A data provider of the dataset. A dataset made from several providers' data counts for each of them, so
     * the groups of this dimension may add up to more than the total.
     */
    PROVIDER
}
