package io.labgate.export.inspect;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

/**
 * What the data involved in an export looks like to the checks: the SHA-256 of every manifest object of the granted
 * versions, and the SHA-256 of rows sampled from their text objects at publication ({@link #rowHash}).
 */
public record DatasetFingerprints(Set<String> objectSha256, Set<String> rowSha256) {

    public DatasetFingerprints {
        objectSha256 = Set.copyOf(objectSha256);
        rowSha256 = Set.copyOf(rowSha256);
    }

    /**
     * The hash of a row as sampled and as looked for: the line without its line end and surrounding blanks, so that
     * a row copied with other line ends or indentation is still the same row. Blank lines hash to null.
     */
    public static String rowHash(String line) {
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
