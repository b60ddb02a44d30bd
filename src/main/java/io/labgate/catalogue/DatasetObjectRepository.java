package io.labgate.catalogue;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

@ApplicationScoped
public class DatasetObjectRepository implements PanacheRepositoryBase<DatasetObject, DatasetObject.Key> {

    private static final int BATCH = 1000;

    /** The manifest lines of a version whose key starts with {@code keyPrefix} (any key when null), by key. */
    public PanacheQuery<DatasetObject> ofVersion(UUID versionId, String keyPrefix) {
        if (keyPrefix == null || keyPrefix.isEmpty()) {
            return find("versionId = ?1", Sort.by("objectKey"), versionId);
        }
        // left(key, n) = prefix, not LIKE: keys may contain '%' and '_'
        return find(
                "versionId = ?1 and substring(objectKey, 1, ?2) = ?3",
                Sort.by("objectKey"),
                versionId,
                keyPrefix.length(),
                keyPrefix);
    }

    /**
     * Replaces the manifest of a DRAFT version in bulk (JDBC batches, not one entity per line). The database
     * refuses it for any other version.
     */
    public void replaceManifest(UUID versionId, List<ManifestEntry> entries) {
        replaceAll(
                "dataset_object",
                "INSERT INTO dataset_object (version_id, object_key, size_bytes, sha256, content_type, last_modified) "
                        + "VALUES (?, ?, ?, ?, ?, ?)",
                versionId,
                entries,
                (insert, entry) -> {
                    insert.setString(2, entry.key());
                    insert.setLong(3, entry.sizeBytes());
                    insert.setString(4, entry.sha256());
                    insert.setString(5, entry.contentType());
                    insert.setObject(
                            6,
                            entry.lastModified() == null
                                    ? null
                                    : java.time.OffsetDateTime.ofInstant(
                                            entry.lastModified(), java.time.ZoneOffset.UTC),
                            java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
                });
    }

    /** Replaces the row hashes sampled for a DRAFT version (export review), in the same way. */
    public void replaceRowSample(UUID versionId, java.util.Collection<String> rowHashes) {
        replaceAll(
                "dataset_row_sample",
                "INSERT INTO dataset_row_sample (version_id, row_sha256) VALUES (?, ?) ON CONFLICT DO NOTHING",
                versionId,
                rowHashes,
                (insert, hash) -> insert.setString(2, hash));
    }

    /** Binds one row's columns after the version id (parameter 1). */
    private interface Binder<T> {
        void bind(PreparedStatement insert, T row) throws java.sql.SQLException;
    }

    /** Deletes the version's rows of {@code table}, then inserts {@code rows} in JDBC batches of {@value #BATCH}. */
    private <T> void replaceAll(
            String table, String insertSql, UUID versionId, java.util.Collection<T> rows, Binder<T> binder) {
        getEntityManager().flush();
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement delete =
                    connection.prepareStatement("DELETE FROM " + table + " WHERE version_id = ?")) {
                delete.setObject(1, versionId);
                delete.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(insertSql)) {
                int pending = 0;
                for (T row : rows) {
                    insert.setObject(1, versionId);
                    binder.bind(insert, row);
                    insert.addBatch();
                    if (++pending == BATCH) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    insert.executeBatch();
                }
            }
        });
    }

    /** A line of a manifest as built from the store; content type and last modification may be null. */
    public record ManifestEntry(
            String key, long sizeBytes, String sha256, String contentType, java.time.Instant lastModified) {}
}
