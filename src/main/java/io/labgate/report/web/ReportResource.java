package io.labgate.report.web;

import io.labgate.platform.error.ApiException;
import io.labgate.platform.error.ErrorCode;
import io.labgate.platform.error.Problem;
import io.labgate.platform.security.Caller;
import io.labgate.platform.security.Roles;
import io.labgate.report.Report;
import io.labgate.report.ReportFormat;
import io.labgate.report.ReportLanguage;
import io.labgate.report.ReportQuery;
import io.labgate.report.ReportService;
import io.labgate.report.render.CsvRenderer;
import io.labgate.report.render.JsonReport;
import io.labgate.report.render.PdfRenderer;
import io.labgate.report.render.XlsxRenderer;
import io.labgate.report.render.ZipRenderer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The year-2 operation report for operators and auditors: the whole report (JSON, XLSX or PDF) or one section
 * (JSON, CSV, XLSX or PDF). The format is the {@code format} parameter when given, else the {@code Accept} header;
 * {@code lang} chooses the PDF's labels (Korean by default). Nothing is cached: every call computes the report
 * from the database.
 */
@Path("/api/v1/reports")
@Tag(name = "Reports", description = "The operation report for the funding agency (docs/reports.md)")
@SecurityRequirement(name = "SecurityScheme")
public class ReportResource {

    static final String TIMER = "labgate.report.generation";

    @Inject
    ReportService service;

    @Inject
    MeterRegistry registry;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    @Operation(
            operationId = "getReport",
            summary = "The whole operation report",
            description = "Operators and auditors. Every section "
                    + "over the period (KST days, both included), grouped by the dimension when the section supports it "
                    + "(otherwise the section is given ungrouped with a note), with the summary figures. JSON, XLSX with "
                    + "a summary sheet first and one sheet per section (printable: A4 landscape, one page wide), PDF "
                    + "(cover, summary page, each section with its chart and table), or a ZIP of one CSV per table "
                    + "(summary.csv, then 01-<section>.csv ...); lang=ko|en for the PDF's and the XLSX's labels. CSV "
                    + "holds one table only: ask a section's URL or the ZIP (406 otherwise).")
    @APIResponse(
            responseCode = "200",
            description = "The report",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = JsonReport.Full.class)),
                @Content(
                        mediaType = ReportFormat.XLSX_TYPE,
                        schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(
                        mediaType = ReportFormat.ZIP_TYPE,
                        schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(
                        mediaType = ReportFormat.PDF_TYPE,
                        schema = @Schema(type = SchemaType.STRING, format = "binary"))
            })
    @APIResponse(
            responseCode = "406",
            description = "CSV (or another type) asked for the whole report",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response full(
            @Parameter(description = "First day, ISO date", example = "2026-01-01", required = true) @QueryParam("from")
                    String from,
            @Parameter(description = "Last day (included), ISO date", example = "2026-12-31", required = true)
                    @QueryParam("to")
                    String to,
            @Parameter(
                            description = "MONTH, ORGANIZATION, DATASET, INDUSTRY, AI_TECHNOLOGY or PROVIDER; absent: "
                                    + "not grouped")
                    @QueryParam("groupBy")
                    String groupBy,
            @Parameter(description = "Where usage figures come from: ROLLUP (default) or RAW") @QueryParam("source")
                    String source,
            @Parameter(description = "json, xlsx, pdf or zip; wins over Accept") @QueryParam("format") String format,
            @Parameter(
                            description =
                                    "Language of the PDF's and the XLSX's labels: ko (default) or en; anything else is 400",
                            example = "ko")
                    @QueryParam("lang")
                    String lang,
            @Context HttpHeaders headers) {
        ReportLanguage language = ReportLanguage.parse(lang);
        ReportFormat chosen = ReportFormat.choose(format, headers.getAcceptableMediaTypes());
        ReportQuery query = ReportService.query(from, to, groupBy, source);
        if (chosen == ReportFormat.CSV) {
            String urls = service.sections().stream()
                    .map(s -> "/api/v1/reports/" + s.id())
                    .collect(Collectors.joining(", "));
            throw new ApiException(
                    ErrorCode.NOT_ACCEPTABLE,
                    "CSV holds one table: ask one section as CSV (" + urls
                            + "), or the whole report as a ZIP of CSV files "
                            + "(Accept: application/zip), JSON or XLSX");
        }
        return timed(chosen, "all", () -> {
            Report report = service.full(query);
            return switch (chosen) {
                case JSON -> json(JsonReport.full(report));
                case ZIP -> file(ZipRenderer.render(report), chosen, report.fileName("all", chosen));
                case PDF -> pdf(report, language, "all");
                default -> file(XlsxRenderer.render(report, language), chosen, report.fileName("all", chosen));
            };
        });
    }

    @GET
    @Path("sections")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    @Operation(
            operationId = "listReportSections",
            summary = "The report's sections",
            description = "Operators and auditors. Every section in report "
                    + "order, with the dimensions it can be grouped by.")
    public List<ReportService.SectionInfo> sections() {
        return service.describe();
    }

    @GET
    @Path("{section}")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    @Operation(
            operationId = "getReportSection",
            summary = "One section of the report",
            description = "Operators and auditors. One section over the period (KST days, both included) as JSON, "
                    + "CSV (UTF-8 with a byte-order mark, RFC 4180), XLSX (a summary sheet and the section's sheet), "
                    + "PDF or a ZIP of its CSV and the summary; lang=ko|en for the PDF's and the XLSX's labels. A "
                    + "dimension the section cannot be grouped by is 400, naming the ones it can; an unknown section "
                    + "404.")
    @APIResponse(
            responseCode = "200",
            description = "The section",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = JsonReport.Single.class)),
                @Content(mediaType = ReportFormat.CSV_TYPE, schema = @Schema(type = SchemaType.STRING)),
                @Content(
                        mediaType = ReportFormat.XLSX_TYPE,
                        schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(
                        mediaType = ReportFormat.ZIP_TYPE,
                        schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(
                        mediaType = ReportFormat.PDF_TYPE,
                        schema = @Schema(type = SchemaType.STRING, format = "binary"))
            })
    @APIResponse(
            responseCode = "404",
            description = "No such section",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "406",
            description = "None of the accepted types is offered",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response section(
            @Parameter(
                            in = ParameterIn.PATH,
                            description = "Section id, see /api/v1/reports/sections",
                            example = "requests")
                    @PathParam("section")
                    String section,
            @Parameter(description = "First day, ISO date", example = "2026-01-01", required = true) @QueryParam("from")
                    String from,
            @Parameter(description = "Last day (included), ISO date", example = "2026-12-31", required = true)
                    @QueryParam("to")
                    String to,
            @Parameter(description = "One of the section's dimensions; absent: not grouped") @QueryParam("groupBy")
                    String groupBy,
            @Parameter(description = "Where usage figures come from: ROLLUP (default) or RAW") @QueryParam("source")
                    String source,
            @Parameter(description = "json, csv, xlsx, pdf or zip; wins over Accept") @QueryParam("format")
                    String format,
            @Parameter(
                            description =
                                    "Language of the PDF's and the XLSX's labels: ko (default) or en; anything else is 400",
                            example = "ko")
                    @QueryParam("lang")
                    String lang,
            @Context HttpHeaders headers) {
        ReportLanguage language = ReportLanguage.parse(lang);
        ReportFormat chosen = ReportFormat.choose(format, headers.getAcceptableMediaTypes());
        service.section(section);
        ReportQuery query = ReportService.query(from, to, groupBy, source);
        return timed(chosen, section, () -> {
            Report report = service.section(section, query);
            return switch (chosen) {
                case JSON -> json(JsonReport.single(report));
                case CSV ->
                    file(
                            CsvRenderer.render(report.sections().get(0).table()),
                            chosen,
                            report.fileName(section, chosen));
                case XLSX -> file(XlsxRenderer.render(report, language), chosen, report.fileName(section, chosen));
                case ZIP -> file(ZipRenderer.render(report), chosen, report.fileName(section, chosen));
                case PDF -> pdf(report, language, section);
            };
        });
    }

    private Response timed(ReportFormat format, String section, Supplier<Response> work) {
        Timer.Sample sample = Timer.start(registry);
        try {
            return work.get();
        } finally {
            sample.stop(Timer.builder(TIMER)
                    .description("Time to compute and render a report")
                    .tag("format", format.extension())
                    .tag("section", section)
                    .register(registry));
        }
    }

    /** The PDF, its cover naming the caller (the token's user name) as who generated it. */
    private Response pdf(Report report, ReportLanguage language, String what) {
        return file(
                PdfRenderer.render(report, language, caller.subject()),
                ReportFormat.PDF,
                report.fileName(what, ReportFormat.PDF));
    }

    private static Response json(Object body) {
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static Response file(byte[] bytes, ReportFormat format, String name) {
        String type = format == ReportFormat.CSV ? format.mediaType() + "; charset=UTF-8" : format.mediaType();
        return Response.ok(bytes, type)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .build();
    }
}
