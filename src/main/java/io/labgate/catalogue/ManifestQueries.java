package io.labgate.catalogue;

import io.labgate.catalogue.api.DatasetRows;
import io.labgate.catalogue.api.ManifestEntry;
import io.labgate.catalogue.api.ManifestReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The {@link ManifestReader} over {@code dataset_object}, and the {@link DatasetRows} over {@code dataset_row_sample}. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
class ManifestQueries implements ManifestReader, DatasetRows {

    @Inject
    EntityManager em;

    @Override
    @SuppressWarnings("unchecked")
    public List<ManifestEntry> page(UUID versionId, String keyPrefix, String afterKey, int limit) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT object_key, size_bytes, sha256, content_type, last_modified FROM dataset_object
                WHERE version_id = ?1 AND left(object_key, ?2) = ?3 AND object_key COLLATE "C" > ?4
                ORDER BY object_key COLLATE "C" LIMIT ?5""")
                .setParameter(1, versionId)
                .setParameter(2, keyPrefix.length())
                .setParameter(3, keyPrefix)
                .setParameter(4, afterKey)
                .setParameter(5, limit)
                .getResultList();
        return rows.stream()
                .map(row -> new ManifestEntry(
                        (String) row[0],
                        ((Number) row[1]).longValue(),
                        (String) row[2],
                        (String) row[3],
                        instant(row[4])))
                .toList();
    }

    @Override
    public Optional<ManifestEntry> find(UUID versionId, String key) {
        return DatasetObject.<DatasetObject>findByIdOptional(new DatasetObject.Key(versionId, key))
                .map(o -> new ManifestEntry(key, o.sizeBytes, o.sha256, o.contentType, o.lastModified));
    }

    @Override
    public Set<String> sampledRowHashes(UUID versionId) {
        return Set.copyOf(
                em.createNativeQuery("SELECT row_sha256 FROM dataset_row_sample WHERE version_id = ?1", String.class)
                        .setParameter(1, versionId)
                        .getResultList());
    }

    private static java.time.Instant instant(Object value) {
        if (value instanceof java.time.Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        return null;
    }
}
