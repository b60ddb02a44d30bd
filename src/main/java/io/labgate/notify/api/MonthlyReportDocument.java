package io.labgate.notify.api;

import java.time.YearMonth;

/**
 * One month's operation report as a document to attach to the monthly mail. The report feature implements it; the
 * mail is rendered when it is sent, so the outbox stores only which month and language.
 */
public interface MonthlyReportDocument {

    /** The report of {@code month} (KST days, the whole month) in {@code language} ({@code ko} or {@code en}). */
    Attachment render(YearMonth month, String language);

    /** A file to attach. */
    record Attachment(String fileName, String contentType, byte[] content) {}
}
