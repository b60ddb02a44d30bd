package io.labgate.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labgate.report.render.XlsxRenderer;
import io.labgate.testing.Tokens;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads a report section back from each format into the same shape (column keys → cell values: numbers as
 * {@code BigDecimal}, text as {@code String}, empty as {@code null}), checking on the way what each format
 * promises: the JSON's columns, the CSV's byte-order mark and header, the XLSX's sheet names, header and cell
 * types.
 */
public final class ReportTables {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private ReportTables() {}

    /** A section's table as one format gave it. */
    public record Table(String format, List<String> keys, List<String> types, List<Map<String, Object>> rows) {

        /** The only row whose column has this value. */
        public Map<String, Object> row(String column, String value) {
            List<Map<String, Object>> found =
                    rows.stream().filter(r -> value.equals(r.get(column))).toList();
            assertThat(found)
                    .as(format + ": rows with " + column + " = " + value)
                    .hasSize(1);
            return found.get(0);
        }

        public List<Map<String, Object>> rowsWith(String column, String value) {
            return rows.stream().filter(r -> value.equals(r.get(column))).toList();
        }

        public BigDecimal number(Map<String, Object> row, String column) {
            Object value = row.get(column);
            assertThat(value).as(format + ": " + column + " is a number").isInstanceOfAny(BigDecimal.class);
            return (BigDecimal) value;
        }
    }

    static Response get(String path, Map<String, ?> parameters, String accept) {
        return given().auth()
                .oauth2(Tokens.of(Tokens.AUDITOR))
                .accept(accept)
                .queryParams(parameters)
                .get(path);
    }

    /** The section in JSON, CSV and XLSX (asked by {@code Accept}), in that order. */
    public static List<Table> all(String section, Map<String, ?> parameters) {
        return List.of(
                json(section, parameters),
                csv(section, parameters, json(section, parameters).types()),
                xlsx(section, parameters));
    }

    static Table json(String section, Map<String, ?> parameters) {
        Response response = get("/api/v1/reports/" + section, parameters, "application/json");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        JsonNode body = read(response.asByteArray());
        JsonNode table = body.get("section");
        assertThat(table.get("section").asText()).isEqualTo(section);
        List<String> keys = new ArrayList<>();
        List<String> types = new ArrayList<>();
        table.get("columns").forEach(c -> {
            keys.add(c.get("key").asText());
            types.add(c.get("type").asText());
        });
        List<Map<String, Object>> rows = new ArrayList<>();
        table.get("rows").forEach(r -> {
            Map<String, Object> row = new LinkedHashMap<>();
            assertThat(r.size()).as("JSON row keys").isEqualTo(keys.size());
            for (String key : keys) {
                JsonNode cell = r.get(key);
                row.put(
                        key,
                        cell == null || cell.isNull() ? null : cell.isNumber() ? cell.decimalValue() : cell.asText());
            }
            rows.add(row);
        });
        return new Table("json", keys, types, rows);
    }

    static Table csv(String section, Map<String, ?> parameters, List<String> types) {
        Response response = get("/api/v1/reports/" + section, parameters, "text/csv");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/csv");
        assertThat(response.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"labgate-report-" + section + "-" + parameters.get("from") + "-"
                        + parameters.get("to") + ".csv\"");
        byte[] bytes = response.asByteArray();
        assertThat(Arrays.copyOf(bytes, 3)).as("UTF-8 byte-order mark").containsExactly((byte) 0xEF, (byte) 0xBB, (byte)
                0xBF);
        try (CSVParser parser = CSVParser.parse(
                new InputStreamReader(new ByteArrayInputStream(bytes, 3, bytes.length - 3), StandardCharsets.UTF_8),
                CSVFormat.RFC4180)) {
            List<CSVRecord> records = parser.getRecords();
            List<String> keys = records.get(0).toList();
            List<Map<String, Object>> rows = new ArrayList<>();
            for (CSVRecord record : records.subList(1, records.size())) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 0; i < keys.size(); i++) {
                    String cell = record.get(i);
                    boolean number =
                            types.get(i).equals("INTEGER") || types.get(i).equals("DECIMAL");
                    row.put(keys.get(i), cell.isEmpty() ? null : number ? new BigDecimal(cell) : cell);
                }
                rows.add(row);
            }
            return new Table("csv", keys, types, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Table xlsx(String section, Map<String, ?> parameters) {
        Response response = get("/api/v1/reports/" + section, parameters, XLSX);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        assertThat(response.contentType()).startsWith(XLSX);
        assertThat(response.header("Content-Disposition")).endsWith(".xlsx\"");
        Table json = json(section, parameters);
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.asByteArray()))) {
            assertThat(workbook.getSheetName(0)).isEqualTo(XlsxRenderer.SUMMARY_SHEET);
            assertThat(workbook.getSheetName(1)).isEqualTo(section);
            return sheet(workbook.getSheet(section), json.keys(), json.types());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A section's sheet: title rows, the header on row 3 (frozen), then the rows; checks each cell's type. */
    static Table sheet(Sheet sheet, List<String> keys, List<String> types) {
        assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isNotBlank();
        assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).contains("Asia/Seoul");
        Row header = sheet.getRow(2);
        assertThat(header.getLastCellNum()).isEqualTo((short) keys.size());
        assertThat(sheet.getWorkbook()
                        .getFontAt(header.getCell(0).getCellStyle().getFontIndex())
                        .getBold())
                .as("header is bold")
                .isTrue();
        assertThat(sheet.getPaneInformation().isFreezePane())
                .as("header frozen")
                .isTrue();
        assertThat(sheet.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 3);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int r = 3; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            Map<String, Object> values = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                Cell cell = row.getCell(i);
                Object value = null;
                if (cell != null && cell.getCellType() != CellType.BLANK) {
                    switch (types.get(i)) {
                        case "INTEGER", "DECIMAL" -> {
                            assertThat(cell.getCellType())
                                    .as(keys.get(i) + " is numeric")
                                    .isEqualTo(CellType.NUMERIC);
                            value = BigDecimal.valueOf(cell.getNumericCellValue());
                        }
                        case "DATE" -> {
                            assertThat(DateUtil.isCellDateFormatted(cell))
                                    .as(keys.get(i) + " is a date")
                                    .isTrue();
                            value = cell.getLocalDateTimeCellValue()
                                    .toLocalDate()
                                    .toString();
                        }
                        default -> {
                            assertThat(cell.getCellType())
                                    .as(keys.get(i) + " is text")
                                    .isEqualTo(CellType.STRING);
                            value = cell.getStringCellValue();
                        }
                    }
                }
                values.put(keys.get(i), value);
            }
            rows.add(values);
        }
        return new Table("xlsx", keys, types, rows);
    }

    static JsonNode read(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
