package io.labgate.report;

/** Where usage figures are read from. Both must give the same numbers; only their speed differs. */
public enum ReportSource {
    /** The daily rollup of the usage log, kept up to date as events are written: fast for any period. */
    ROLLUP,
    /** The usage events themselves: slow over a long log, there to check the rollup against. */
    RAW
}
