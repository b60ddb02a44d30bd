package io.labgate.gateway;

import java.util.Locale;

/** The S3 endpoint's bucket of a dataset version. Pure logic. */
public final class S3BucketNames {

    private S3BucketNames() {}

    /** {@code <dataset-code>-<version-label>}, lower case and DNS-safe (3..63 of a-z, 0-9, '-', '.'). */
    public static String bucketName(String datasetCode, String versionLabel) {
        String name = (datasetCode + "-" + versionLabel)
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9.-]+", "-")
                .replaceAll("-{2,}", "-")
                .replaceAll("\\.{2,}", ".");
        if (name.length() > 63) {
            name = name.substring(0, 63);
        }
        name = name.replaceAll("^[^a-z0-9]+", "").replaceAll("[^a-z0-9]+$", "");
        while (name.length() < 3) {
            name = name + "0";
        }
        return name;
    }
}
