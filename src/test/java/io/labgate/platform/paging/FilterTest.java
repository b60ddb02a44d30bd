package io.labgate.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one query builder of every list: absent filters add nothing, LIKE patterns are escaped. */
class FilterTest {

    @Test
    void shouldMatchEverythingWithoutFilters() {
        Filter filter = new Filter().where("status = :status", "status", null).containsInAny("  ", "title");
        assertThat(filter.query()).isEqualTo("1 = 1");
        assertThat(filter.parameters()).isEmpty();
    }

    @Test
    void shouldJoinPresentFiltersWithAnd() {
        Filter filter = new Filter()
                .where("status = :status", "status", "ACTIVE")
                .where("grantId = :grant", "grant", null)
                .clause("cancelledAt is null");
        assertThat(filter.query()).isEqualTo("status = :status and cancelledAt is null");
        assertThat(filter.parameters()).containsExactly(Map.entry("status", "ACTIVE"));
    }

    @Test
    void shouldSearchSeveralAttributesWithOneEscapedPattern() {
        Filter filter = new Filter().containsInAny(" 50%_off\\x ", "code", "title");
        assertThat(filter.query())
                .isEqualTo("(lower(coalesce(code, '')) like :p0 or lower(coalesce(title, '')) like :p0)");
        assertThat(filter.parameters()).containsEntry("p0", "%50\\%\\_off\\\\x%");
    }

    @Test
    void shouldEscapeTheSameWayForOneAttribute() {
        assertThat(new Filter().contains("name", "A_b").parameters()).containsEntry("p0", "%a\\_b%");
    }
}
