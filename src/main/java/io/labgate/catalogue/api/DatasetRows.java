package io.labgate.catalogue.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;

/**
 * Rows sampled from a version's text objects when its manifest is built, kept as hashes only (no data leaves the
 * store): what the export review looks for in what a company takes out.
 */
public interface DatasetRows {

    /** The row hashes sampled from the version's text objects (empty for a version built before sampling). */
    Set<String> sampledRowHashes(UUID versionId);

    /**
     * The hash of a row as sampled and as looked for: the line without its line end and surrounding blanks, so that
     * a row copied with other line ends or indentation is still the same row; null for a blank line.
     */
    static String hash(String line) {
        String row = line.strip();
        if (row.isEmpty()) {
            return null;
        }
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(row.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
