package io.labgate.report;

import io.labgate.platform.error.ApiException;
import io.labgate.platform.error.ErrorCode;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The formats a report is given in, chosen by the {@code format} query parameter or else by {@code Accept}. */
public enum ReportFormat {
    JSON("json", MediaType.APPLICATION_JSON),
    CSV("csv", "text/csv"),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    /** Every table of the report as a CSV file, in one ZIP. */
    ZIP("zip", "application/zip"),
    PDF("pdf", "application/pdf");

    /** The XLSX media type, for annotations. */
    public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** The ZIP media type, for annotations. */
    public static final String ZIP_TYPE = "application/zip";
    /** The PDF media type, for annotations. */
    public static final String PDF_TYPE = "application/pdf";
    /** The CSV media type, for annotations. */
    public static final String CSV_TYPE = "text/csv";

    private final String extension;
    private final String mediaType;

    ReportFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /**
     * The format asked for: the {@code format} parameter when given (it wins), else the first acceptable media
     * type of {@code Accept} in order of preference; no {@code Accept} or a wildcard means JSON.
     *
     * @throws ApiException 400 for an unknown {@code format}, 406 when nothing in {@code Accept} is offered
     */
    public static ReportFormat choose(String format, List<MediaType> acceptable) {
        if (format != null && !format.isBlank()) {
            String wanted = format.strip().toLowerCase(Locale.ROOT);
            return Arrays.stream(values())
                    .filter(f -> f.extension.equals(wanted))
                    .findFirst()
                    .orElseThrow(() -> ApiException.invalid("format", "must be one of " + names()));
        }
        if (acceptable == null || acceptable.isEmpty()) {
            return JSON;
        }
        for (MediaType type : acceptable) {
            for (ReportFormat candidate : values()) {
                if (type.isCompatible(MediaType.valueOf(candidate.mediaType))) {
                    return candidate;
                }
            }
        }
        throw new ApiException(
                ErrorCode.NOT_ACCEPTABLE,
                "a report is given as "
                        + Arrays.stream(values()).map(f -> f.mediaType).collect(Collectors.joining(", "))
                        + " (or format=" + names() + ")");
    }

    private static String names() {
        return Arrays.stream(values()).map(f -> f.extension).collect(Collectors.joining("|"));
    }
}
