package io.labgate.export.inspect;

import io.labgate.catalogue.api.DatasetRows;
import java.util.Set;

/**
 * What the data involved in an export looks like to the checks: the SHA-256 of every manifest object of the granted
 * versions, and the SHA-256 of rows sampled from their text objects when their manifests were built
 * ({@link DatasetRows}).
 */
public record DatasetFingerprints(Set<String> objectSha256, Set<String> rowSha256) {

    public DatasetFingerprints {
        objectSha256 = Set.copyOf(objectSha256);
        rowSha256 = Set.copyOf(rowSha256);
    }

    /** The hash of a row as sampled and as looked for ({@link DatasetRows#hash}). */
    public static String rowHash(String line) {
        return DatasetRows.hash(line);
    }
}
