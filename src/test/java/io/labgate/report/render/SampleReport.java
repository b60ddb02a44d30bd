package io.labgate.report.render;

import io.labgate.report.Report;
import io.labgate.report.ReportColumn;
import io.labgate.report.ReportDimension;
import io.labgate.report.ReportFigure;
import io.labgate.report.ReportPeriod;
import io.labgate.report.ReportQuery;
import io.labgate.report.ReportTable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A year's report grouped by month with figures of a plausible size, built by hand (no database): the renderer's
 * test and the image in docs/reports.md use it. Every section of the real report is here with its real columns.
 */
final class SampleReport {

    static final String[] INDUSTRIES = {"스마트팜", "수산·해양"};
    static final String[] TECHNOLOGIES = {"컴퓨터 비전", "자연어 처리", "시계열 예측", "음성 인식", "추천 시스템"};

    private SampleReport() {}

    static Report year() {
        ReportQuery query = new ReportQuery(
                new ReportPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)), ReportDimension.MONTH, null);
        List<ReportFigure> figures = List.of(
                figure("requests", "companiesServed", "AI companies served", 14L),
                figure("requests", "requestsReceived", "Requests received", 1234L),
                figure("requests", "requestsApproved", "Approved", 987L),
                figure("requests", "requestsRejected", "Rejected", 201L),
                figure("requests", "requestsWithdrawn", "Withdrawn", 31L),
                figure("requests", "medianHoursToDecision", "Median hours to decision", new BigDecimal("26.083333")),
                figure(
                        "requests",
                        "p90HoursToDecision",
                        "90th percentile hours to decision",
                        new BigDecimal("75.500000")),
                figure("requests", "consentsRefused", "Consents refused", 17L),
                figure("grants", "grantsActive", "Grants active", 412L),
                figure("grants", "grantsStarted", "Grants started", 388L),
                figure("grants", "grantsEnded", "Grants ended", 120L),
                figure("grants", "grantsExpired", "Ended by expiry", 101L),
                figure("grants", "grantsRevoked", "Ended by revocation", 19L),
                figure("attestations", "attestationsDue", "Attestations due", 96L),
                figure("attestations", "attestedOnTime", "Attested on time", 88L),
                figure("attestations", "attestationsOverdue", "Overdue (not attested, due time passed)", 3L),
                figure("bookings", "gpuHours", "Booked GPU-hours", new BigDecimal("10395.311148")),
                figure("bookings", "serverHours", "Booked server-hours", new BigDecimal("2598.827787")),
                figure("bookings", "bookings", "Bookings overlapping the period", 356L),
                figure("bookings", "organizations", "Organizations with a booking", 12L),
                figure("server-utilisation", "servers", "Servers in service during the period", 6L),
                figure(
                        "server-utilisation",
                        "availableHours",
                        "Available server-hours",
                        new BigDecimal("51840.000000")),
                figure("server-utilisation", "bookedHours", "Booked server-hours", new BigDecimal("2598.827787")),
                figure("server-utilisation", "utilisation", "Utilisation of all servers", new BigDecimal("0.050132")),
                figure("downloads", "streamObjects", "Streamed downloads (REST)", 48_210L),
                figure("downloads", "streamBytes", "Bytes streamed (REST)", 1_610_612_736_000L),
                figure("downloads", "s3Objects", "S3 GetObject downloads", 120_388L),
                figure("downloads", "s3Bytes", "Bytes sent by S3 GetObject", 5_497_558_138_880L),
                figure("downloads", "cutTransfers", "Transfers cut short (REST + S3)", 312L),
                figure("downloads", "cutBytes", "Bytes sent by transfers cut short", 467_664_000_000L),
                figure("downloads", "linkObjects", "Presigned links issued", 2_045L),
                figure("downloads", "linkBytesOffered", "Bytes offered by presigned links", 446_000_000_000L),
                figure("downloads", "objects", "Object transfers and links, all paths", 170_643L),
                figure("downloads", "bytesDelivered", "Bytes that left through LabGate", 7_575_834_874_880L),
                figure("refusals", "refusals", "Refused accesses", 873L),
                figure("transparency", "providersUsed", "Data providers whose data was used", 9L),
                figure("transparency", "companiesActive", "AI companies that used data", 13L),
                figure("transparency", "uses", "Provider × AI company × dataset uses", 57L),
                figure("exports", "exportsRequested", "Exports asked for", 64L),
                figure("exports", "exportsApproved", "Approved and released", 51L),
                figure("exports", "exportsRefused", "Refused", 9L),
                figure("exports", "bytesReleased", "Bytes released", 412_316_860_416L),
                figure("coverage", "pairs", "Industry × AI technology pairs", 10L),
                figure("coverage", "pairsCovered", "Pairs with a published dataset", 8L),
                figure("coverage", "pairsMeetingTarget", "Pairs meeting the programme target", 6L),
                figure("storage", "buckets", "Buckets sampled in the period", 4L),
                figure("storage", "usedBytes", "Used bytes", 12_094_627_905_536L),
                figure("storage", "quotaBytes", "Quota bytes", 19_228_568_584_192L),
                figure("storage", "usageRatio", "Used / quota", new BigDecimal("0.628993")),
                figure("storage", "maxUsageRatio", "Highest used / quota", new BigDecimal("0.914000")));
        List<Report.Part> parts = List.of(
                new Report.Part(requests(), null),
                new Report.Part(bookings(), null),
                new Report.Part(downloads(), null),
                new Report.Part(refusals(), null),
                new Report.Part(transparency(), null),
                new Report.Part(exports(), null),
                new Report.Part(coverage(), "not grouped: section coverage cannot be grouped by MONTH"),
                new Report.Part(storage(), null));
        return new Report(query, Instant.parse("2027-01-04T01:30:00Z"), figures, parts);
    }

    /**
     * Columns from "key:type" pairs (t text, i integer, d decimal, D date): the renderer needs their keys
     * and types; their titles are the keys (the Korean titles come from the labels).
     */
    static List<ReportColumn> columns(String spec) {
        List<ReportColumn> columns = new ArrayList<>();
        for (String column : spec.split(" ")) {
            String key = column.substring(0, column.indexOf(':'));
            ReportColumn.Type type = switch (column.substring(column.indexOf(':') + 1)) {
                case "t" -> ReportColumn.Type.TEXT;
                case "i" -> ReportColumn.Type.INTEGER;
                case "d" -> ReportColumn.Type.DECIMAL;
                default -> ReportColumn.Type.DATE;
            };
            columns.add(new ReportColumn(key, key, type));
        }
        return columns;
    }

    private static ReportFigure figure(String section, String key, String title, Object value) {
        return new ReportFigure(section, key, title, value);
    }

    private static List<String> months() {
        List<String> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            months.add(String.format(java.util.Locale.ROOT, "2026-%02d", m));
        }
        return months;
    }

    private static ReportTable requests() {
        List<List<Object>> rows = new ArrayList<>();
        int m = 0;
        for (String month : months()) {
            m++;
            rows.add(Arrays.asList(
                    month,
                    month,
                    5L + m,
                    90L + m,
                    80L + m,
                    15L,
                    2L,
                    new BigDecimal("20.5").add(BigDecimal.valueOf(m)),
                    new BigDecimal("70.25"),
                    1L));
        }
        return new ReportTable(
                "requests",
                "Access requests: AI companies served, requests received and decided, "
                        + "time to decision, consents refused",
                ReportDimension.MONTH,
                columns(
                        "group:t groupName:t companiesServed:i requestsReceived:i requestsApproved:i requestsRejected:i requestsWithdrawn:i medianHoursToDecision:d p90HoursToDecision:d consentsRefused:i"),
                rows);
    }

    private static ReportTable bookings() {
        List<List<Object>> rows = new ArrayList<>();
        int m = 0;
        for (String month : months()) {
            m++;
            for (String org : List.of("알파비전 AI", "베타로보틱스")) {
                rows.add(Arrays.asList(
                        month,
                        UUID.nameUUIDFromBytes(org.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                                .toString(),
                        org,
                        new BigDecimal(400 + 37 * m),
                        new BigDecimal(100 + 9 * m),
                        10L + m));
            }
        }
        return new ReportTable(
                "bookings",
                "Server bookings: booked GPU-hours per organization",
                ReportDimension.MONTH,
                columns("month:t organizationId:t organization:t gpuHours:d serverHours:d bookings:i"),
                rows);
    }

    static List<ReportColumn> downloadColumns() {
        return columns("streamObjects:i streamBytes:i s3Objects:i s3Bytes:i cutTransfers:i cutBytes:i linkObjects:i "
                + "linkBytesOffered:i objects:i bytesDelivered:i");
    }

    private static List<Object> downloadCells(long m) {
        long stream = 134_217_728_000L + m * 3_000_000_000L;
        long s3 = 458_129_844_906L - m * 9_000_000_000L;
        long cut = 38_972_000_000L;
        return Arrays.asList(
                4000L + m,
                stream,
                10_000L + m,
                s3,
                26L,
                cut,
                170L,
                37_166_666_666L,
                14_170L + 2 * m,
                stream + s3 + cut);
    }

    private static ReportTable downloads() {
        List<ReportColumn> columns = new ArrayList<>(columns("group:t groupName:t"));
        columns.addAll(downloadColumns());
        List<List<Object>> rows = new ArrayList<>();
        long m = 0;
        for (String month : months()) {
            List<Object> row = new ArrayList<>(Arrays.asList(month, month));
            row.addAll(downloadCells(++m));
            rows.add(row);
        }
        return new ReportTable("downloads", "Downloads by access path", ReportDimension.MONTH, columns, rows);
    }

    private static ReportTable refusals() {
        List<List<Object>> rows = new ArrayList<>();
        String[] reasons = {
            "GRANT_NOT_USABLE", "NO_SUCH_KEY", "s3 SignatureDoesNotMatch", "QUOTA_EXCEEDED", "RATE_LIMITED"
        };
        for (String month : months().subList(0, 3)) {
            int n = 0;
            for (String reason : reasons) {
                rows.add(Arrays.asList(month, month, reason, 80L - 15L * n++));
            }
        }
        return new ReportTable(
                "refusals",
                "Refused accesses by reason",
                ReportDimension.MONTH,
                columns("group:t groupName:t reason:t refusals:i"),
                rows);
    }

    private static ReportTable transparency() {
        List<ReportColumn> columns = new ArrayList<>(
                columns("providerId:t provider:t organizationId:t organization:t datasetCode:t dataset:t month:t"));
        columns.addAll(downloadColumns());
        columns.add(ReportColumn.integer("daysActive", "Days with a download or link (KST)"));
        List<List<Object>> rows = new ArrayList<>();
        long m = 0;
        for (String month : months()) {
            List<Object> row = new ArrayList<>(Arrays.asList(
                    UUID.randomUUID().toString(),
                    "제주 스마트팜 (데이터 제공기관)",
                    UUID.randomUUID().toString(),
                    "알파비전 AI",
                    "DS-FARM-0001",
                    "제주 감귤 병해충 이미지 2026년 가공본",
                    month));
            row.addAll(downloadCells(++m));
            row.add(12L + m);
            rows.add(row);
        }
        return new ReportTable(
                "transparency", "Transparency: who used each provider's data", ReportDimension.MONTH, columns, rows);
    }

    private static ReportTable exports() {
        List<List<Object>> rows = new ArrayList<>();
        int m = 0;
        for (String month : months()) {
            m++;
            rows.add(Arrays.asList(
                    month,
                    month,
                    4L + m % 3,
                    3L + m % 2,
                    m % 4 == 0 ? 2L : 0L,
                    m % 4 == 0 ? 1L : 0L,
                    0L,
                    0L,
                    0L,
                    m % 4 == 0 ? 1L : 0L,
                    new BigDecimal("30.5").add(BigDecimal.valueOf(m)),
                    30_000_000_000L + m * 1_000_000_000L));
        }
        return new ReportTable(
                "exports",
                "Exports: asked for, approved, refused by reason, time to decision, bytes released",
                ReportDimension.MONTH,
                columns(
                        "group:t groupName:t exportsRequested:i exportsApproved:i exportsRefused:i refusedDatasetObject:i refusedTypeOrSize:i refusedNotInspectable:i refusedByReviewer:i vetoedByProvider:i medianHoursToDecision:d bytesReleased:i"),
                rows);
    }

    private static ReportTable coverage() {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < INDUSTRIES.length; i++) {
            for (int t = 0; t < TECHNOLOGIES.length; t++) {
                long datasets = (i + t) % 5 == 4 ? 0 : 1 + (t % 3);
                long providers = datasets == 0 ? 0 : (t == 1 ? 1 : 2 + i);
                rows.add(Arrays.asList(
                        "IND-" + i,
                        INDUSTRIES[i],
                        "AI-" + t,
                        TECHNOLOGIES[t],
                        datasets,
                        providers,
                        Boolean.toString(providers >= 2),
                        "2026-12-31T15:00:00Z"));
            }
        }
        return new ReportTable(
                "coverage",
                "Programme coverage: industry × AI technology, published datasets and providers",
                null,
                columns(
                        "industryCode:t industry:t aiTechnologyCode:t aiTechnology:t publishedDatasets:i providers:i meetsProgrammeTarget:t asOf:t"),
                rows);
    }

    /** Daily samples of two buckets over three months: a table that runs over several pages. */
    private static ReportTable storage() {
        List<List<Object>> rows = new ArrayList<>();
        for (String bucket : List.of("raw-farm", "processed-farm")) {
            LocalDate day = LocalDate.of(2026, 1, 1);
            for (int d = 0; d < 90; d++, day = day.plusDays(1)) {
                rows.add(Arrays.asList(
                        day,
                        UUID.randomUUID().toString(),
                        bucket,
                        bucket.startsWith("raw") ? "RAW" : "PROCESSED",
                        day + "T14:00:00Z",
                        "true",
                        1000L + d,
                        5_000_000_000_000L + d * 40_000_000_000L,
                        9_895_604_649_984L,
                        new BigDecimal("0.505271"),
                        96L));
            }
        }
        return new ReportTable(
                "storage",
                "Storage: bucket usage against quota over time (last sample per day or month)",
                null,
                columns(
                        "day:D bucketId:t bucket:t purpose:t sampledAt:t present:t objects:i usedBytes:i quotaBytes:i usageRatio:d samples:i"),
                rows);
    }
}
