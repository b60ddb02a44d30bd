package io.labgate.report;

/**
 * SQL for grouping rows by a {@link ReportDimension}, shared by the sections so that "by dataset" or "by provider"
 * means the same everywhere. A section's rows come from a relation (its {@code alias}) with the columns
 * {@code day} (date in the report zone), {@code organization_id} (the AI company) and {@code dataset_id}; the
 * grouping adds joins and gives a key (stable: id or code) and a label (for people) to select and group by.
 *
 * @param joins SQL to append after the relation, possibly empty
 * @param key   SQL expression of the group's key as text ({@code NULL} when not grouped)
 * @param label SQL expression of the group's name as text
 */
public record GroupingSql(String joins, String key, String label) {

    public static GroupingSql of(ReportDimension dimension, String alias) {
        if (dimension == null) {
            return new GroupingSql("", "NULL::text", "'Total'::text");
        }
        String datasetJoin = " LEFT JOIN dataset g_ds ON g_ds.id = " + alias + ".dataset_id";
        return switch (dimension) {
            case MONTH ->
                new GroupingSql("", "to_char(" + alias + ".day, 'YYYY-MM')", "to_char(" + alias + ".day, 'YYYY-MM')");
            case ORGANIZATION ->
                new GroupingSql(
                        " LEFT JOIN organization g_org ON g_org.id = " + alias + ".organization_id",
                        alias + ".organization_id::text",
                        "g_org.name");
            case DATASET -> new GroupingSql(datasetJoin, "g_ds.code", "g_ds.title");
            case INDUSTRY ->
                new GroupingSql(
                        datasetJoin + " LEFT JOIN industry g_ind ON g_ind.code = g_ds.industry_code",
                        "g_ds.industry_code::text",
                        "g_ind.name");
            case AI_TECHNOLOGY ->
                new GroupingSql(
                        datasetJoin + " LEFT JOIN ai_technology g_tech ON g_tech.code = g_ds.ai_technology_code",
                        "g_ds.ai_technology_code::text",
                        "g_tech.name");
            case PROVIDER ->
                new GroupingSql(
                        " LEFT JOIN dataset_provider g_dp ON g_dp.dataset_id = " + alias
                                + ".dataset_id LEFT JOIN organization g_prov ON g_prov.id = g_dp.organization_id",
                        "g_dp.organization_id::text",
                        "g_prov.name");
        };
    }
}
