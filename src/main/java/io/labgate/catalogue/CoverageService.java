package io.labgate.catalogue;

import io.labgate.platform.error.ApiException;
import io.labgate.platform.paging.PageQuery;
import io.labgate.platform.paging.PageResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How far the catalogue covers the programme: for every industry × AI technology pair, the datasets with a
 * published version and the distinct provider companies behind them. Computed by the database in one query.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CoverageService {

    @Inject
    EntityManager em;

    public PageResponse<CoverageEntry> coverage(String industry, String aiTechnology, PageQuery page) {
        if (page.sort != null && !page.sort.isBlank()) {
            throw ApiException.invalid("sort", "coverage is always listed by industry, then AI technology");
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        String industryFilter = "";
        String technologyFilter = "";
        if (industry != null && !industry.isBlank()) {
            industryFilter = " WHERE i.code = :industry";
            parameters.put("industry", industry.trim());
        }
        if (aiTechnology != null && !aiTechnology.isBlank()) {
            technologyFilter = " WHERE t.code = :technology";
            parameters.put("technology", aiTechnology.trim());
        }
        Query count = em.createNativeQuery("SELECT (SELECT count(*) FROM industry i" + industryFilter
                + ") * (SELECT count(*) FROM ai_technology t" + technologyFilter + ")");
        parameters.forEach(count::setParameter);
        long total = ((Number) count.getSingleResult()).longValue();
        int totalPages = (int) ((total + page.size - 1) / page.size);
        if (page.page > 0 && page.page >= totalPages) {
            throw ApiException.invalid(
                    "page", "must be less than " + Math.max(totalPages, 1) + " (there are " + total + " items)");
        }
        Query rows = em.createNativeQuery(coverageSql(industryFilter, technologyFilter, CURRENTLY_PUBLISHED));
        parameters.forEach(rows::setParameter);
        rows.setFirstResult(page.page * page.size);
        rows.setMaxResults(page.size);
        List<CoverageEntry> items = new ArrayList<>();
        for (Object row : rows.getResultList()) {
            items.add(entry((Object[]) row));
        }
        return new PageResponse<>(items, page.page, page.size, total, totalPages);
    }

    /**
     * Coverage of every industry × AI technology pair as it was at an instant, by the same query: a dataset
     * counts when one of its versions was published at or before {@code at} and not retired by then. Providers
     * are the dataset's providers as they are now (their changes are not recorded).
     */
    public List<CoverageEntry> asOf(Instant at) {
        Query rows = em.createNativeQuery(coverageSql("", "", PUBLISHED_AT)).setParameter("at", at);
        List<CoverageEntry> items = new ArrayList<>();
        for (Object row : rows.getResultList()) {
            items.add(entry((Object[]) row));
        }
        return items;
    }

    private static final String CURRENTLY_PUBLISHED = "v.status = 'PUBLISHED'";
    private static final String PUBLISHED_AT = "v.published_at <= CAST(:at AS timestamptz) "
            + "AND (v.retired_at IS NULL OR v.retired_at > CAST(:at AS timestamptz))";

    /** Per pair: datasets with a version matching {@code versionCondition} (alias v), distinct providers. */
    private static String coverageSql(String industryFilter, String technologyFilter, String versionCondition) {
        return """
                SELECT i.code, t.code, count(DISTINCT d.id), count(DISTINCT p.organization_id)
                FROM (SELECT code FROM industry i%s) i
                CROSS JOIN (SELECT code FROM ai_technology t%s) t
                LEFT JOIN dataset d ON d.industry_code = i.code AND d.ai_technology_code = t.code
                    AND EXISTS (SELECT 1 FROM dataset_version v WHERE v.dataset_id = d.id AND %s)
                LEFT JOIN dataset_provider p ON p.dataset_id = d.id
                GROUP BY i.code, t.code
                ORDER BY i.code, t.code
                """.formatted(industryFilter, technologyFilter, versionCondition);
    }

    private static CoverageEntry entry(Object[] columns) {
        long providers = ((Number) columns[3]).longValue();
        return new CoverageEntry(
                (String) columns[0],
                (String) columns[1],
                ((Number) columns[2]).longValue(),
                providers,
                providers >= CoverageEntry.PROGRAMME_TARGET_PROVIDERS);
    }
}
