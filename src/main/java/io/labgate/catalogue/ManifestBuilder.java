package io.labgate.catalogue;

import io.labgate.catalogue.web.DatasetVersionResponse;
import io.labgate.platform.error.ApiException;
import io.labgate.platform.error.ErrorCode;
import io.labgate.platform.error.Problem;
import io.labgate.platform.storage.ObjectStore;
import io.labgate.platform.storage.ObjectSummary;
import io.labgate.platform.storage.StorageException;
import io.labgate.platform.time.LabTime;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Builds the manifest of a DRAFT version from the real store: lists the objects under the version's prefix and
 * streams each one through SHA-256 (a small buffer at a time, never a whole object in memory). Like the bucket
 * reconciliation, the store is read outside any database transaction; the result is stored afterwards in one
 * short transaction that locks the version and checks it is still a DRAFT.
 */
@ApplicationScoped
public class ManifestBuilder {

    private static final int BUFFER = 64 * 1024;

    @Inject
    DatasetCatalogueService catalogue;

    @Inject
    ObjectStore store;

    @Inject
    CatalogueConfig config;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public DatasetVersionResponse build(UUID datasetId, UUID versionId) {
        DatasetCatalogueService.ManifestSource source =
                QuarkusTransaction.requiringNew().call(() -> catalogue.manifestSource(datasetId, versionId));
        int max = config.maxManifestObjects();
        List<ObjectSummary> listed = store.list(source.bucketName(), source.prefix(), max + 1);
        if (listed.size() > max) {
            throw new ApiException(
                    ErrorCode.UNPROCESSABLE,
                    "more than " + max + " objects lie under "
                            + source.prefix() + " in bucket " + source.bucketName()
                            + "; a version's manifest lists at most "
                            + max + " objects: split it under narrower prefixes",
                    List.of(new Problem.Violation("prefix", "holds more than " + max + " objects")));
        }
        List<DatasetObjectRepository.ManifestEntry> entries = new ArrayList<>(listed.size());
        Set<String> rows = new LinkedHashSet<>();
        for (ObjectSummary object : listed) {
            entries.add(measure(source.bucketName(), object.key(), rows));
        }
        Instant builtAt = LabTime.now(clock);
        return QuarkusTransaction.requiringNew()
                .call(() -> catalogue.storeManifest(datasetId, versionId, source, entries, rows, builtAt));
    }

    /**
     * Size and SHA-256 of the bytes actually read, which is what the manifest promises; the hashes of rows sampled
     * from a text object on the way ({@link RowSampler}) are added to {@code rows}.
     */
    private DatasetObjectRepository.ManifestEntry measure(String bucket, String key, Set<String> rows) {
        MessageDigest sha256 = sha256();
        RowSampler sampler = new RowSampler(key);
        long size = 0;
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = store.open(bucket, key)) {
            int n;
            while ((n = in.readNBytes(buffer, 0, buffer.length)) > 0) {
                sha256.update(buffer, 0, n);
                sampler.accept(buffer, n);
                size += n;
            }
            rows.addAll(sampler.hashes());
        } catch (IOException e) {
            throw new StorageException("read object " + key, e);
        }
        // what the store says the object is and when it last changed: served by the S3 endpoint as it is
        ObjectStore.StoredObject stored = store.stat(bucket, key);
        String type = stored.contentType();
        return new DatasetObjectRepository.ManifestEntry(
                key,
                size,
                HexFormat.of().formatHex(sha256.digest()),
                type == null || type.length() > 255 ? null : type,
                stored.lastModified());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
