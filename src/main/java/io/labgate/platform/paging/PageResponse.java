package io.labgate.platform.paging;

import io.labgate.platform.error.ApiException;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import java.util.List;
import java.util.function.Function;

/** One page of a list, with what a client needs to fetch the next. */
public record PageResponse<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    /** Runs the query for the requested page; a page past the last one is a client error. */
    public static <E, T> PageResponse<T> of(PanacheQuery<E> query, PageQuery request, Function<E, T> mapper) {
        long total = query.count();
        int totalPages = (int) ((total + request.size - 1) / request.size);
        if (request.page > 0 && request.page >= totalPages) {
            throw ApiException.invalid(
                    "page", "must be less than " + Math.max(totalPages, 1) + " (there are " + total + " items)");
        }
        List<T> items = query.page(Page.of(request.page, request.size)).list().stream()
                .map(mapper)
                .toList();
        return new PageResponse<>(items, request.page, request.size, total, totalPages);
    }
}
