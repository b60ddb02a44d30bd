package io.labgate.platform.paging;

import io.labgate.platform.error.ApiException;
import io.quarkus.panache.common.Sort;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Page, size and sort of a list request: {@code ?page=0&size=20&sort=hostname,desc}. */
public class PageQuery {

    public static final int MAX_SIZE = 100;

    @QueryParam("page")
    @DefaultValue("0")
    @Min(value = 0, message = "must be 0 or more")
    @Max(value = 100_000, message = "must be at most 100000")
    @Parameter(description = "Zero-based page number")
    public int page;

    @QueryParam("size")
    @DefaultValue("20")
    @Min(value = 1, message = "must be at least 1")
    @Max(value = MAX_SIZE, message = "must be at most " + MAX_SIZE)
    @Parameter(description = "Page size, 1 to 100")
    public int size;

    @QueryParam("sort")
    @Parameter(description = "Sort field, optionally followed by ',asc' or ',desc'")
    public String sort;

    public PageQuery() {}

    public PageQuery(int page, int size, String sort) {
        this.page = page;
        this.size = size;
        this.sort = sort;
    }

    /**
     * The Panache sort for this query. Only fields in {@code allowed} (API name → entity attribute) may be
     * named; the id is always the last key so that pages are stable.
     */
    public Sort toSort(Map<String, String> allowed, String defaultField) {
        String field = defaultField;
        Sort.Direction direction = Sort.Direction.Ascending;
        if (sort != null && !sort.isBlank()) {
            String[] parts = sort.split(",", -1);
            field = parts[0].trim();
            if (!allowed.containsKey(field)) {
                throw ApiException.invalid(
                        "sort",
                        "must be one of " + allowed.keySet().stream().sorted().toList());
            }
            if (parts.length > 1) {
                direction = switch (parts[1].trim().toLowerCase(Locale.ROOT)) {
                    case "asc" -> Sort.Direction.Ascending;
                    case "desc" -> Sort.Direction.Descending;
                    default -> throw ApiException.invalid("sort", "direction must be asc or desc");
                };
            }
        }
        String attribute = allowed.getOrDefault(field, field);
        Sort result = Sort.by(attribute, direction);
        return attribute.equals("id") ? result : result.and("id");
    }
}
