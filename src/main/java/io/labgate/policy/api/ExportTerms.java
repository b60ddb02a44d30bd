package io.labgate.policy.api;

import java.util.List;

/**
 * What a policy lets leave the lab and what it asks when use ends (issue 14): an export of results or models
 * needs {@code approvals} independent approvals, holds at most {@code maxFiles} files (archive members count) and
 * {@code maxBytes} bytes of the listed {@code fileTypes}, and is downloadable for {@code releaseHours} once approved;
 * a company certifies within {@code attestationDays} of a grant's end that its copies are destroyed.
 */
public record ExportTerms(
        int approvals, int maxFiles, long maxBytes, List<String> fileTypes, int releaseHours, int attestationDays) {

    public static final int DEFAULT_APPROVALS = 2;
    public static final int DEFAULT_MAX_FILES = 1_000;
    public static final long DEFAULT_MAX_BYTES = 20L << 30;
    public static final int DEFAULT_RELEASE_HOURS = 72;
    public static final int DEFAULT_ATTESTATION_DAYS = 14;

    /** Models, metrics and result tables in their usual forms, and the archives they travel in. */
    public static final List<String> DEFAULT_FILE_TYPES = List.of(
            "bin",
            "ckpt",
            "csv",
            "gguf",
            "gz",
            "jpeg",
            "jpg",
            "json",
            "log",
            "md",
            "onnx",
            "parquet",
            "pdf",
            "png",
            "pt",
            "pth",
            "safetensors",
            "svg",
            "tar",
            "tgz",
            "tsv",
            "txt",
            "yaml",
            "yml",
            "zip");

    public ExportTerms {
        fileTypes = List.copyOf(fileTypes);
    }

    public static ExportTerms defaults() {
        return new ExportTerms(
                DEFAULT_APPROVALS,
                DEFAULT_MAX_FILES,
                DEFAULT_MAX_BYTES,
                DEFAULT_FILE_TYPES,
                DEFAULT_RELEASE_HOURS,
                DEFAULT_ATTESTATION_DAYS);
    }
}
