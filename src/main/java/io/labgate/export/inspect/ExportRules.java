package io.labgate.export.inspect;

import java.util.Locale;
import java.util.Set;

/**
 * What a policy lets out: file types by extension (archive members too), sizes and counts. Archives are opened to
 * {@code maxDepth} levels; every member counts against the limits as a file of its own.
 */
public record ExportRules(Set<String> allowedTypes, long maxFileBytes, long maxTotalBytes, int maxFiles, int maxDepth) {

    /** Models, metrics and result tables in their usual forms, 5 GiB a file, 20 GiB and 1,000 files in all. */
    public static ExportRules defaults() {
        return new ExportRules(
                Set.of(
                        "safetensors",
                        "onnx",
                        "pt",
                        "pth",
                        "ckpt",
                        "bin",
                        "gguf",
                        "json",
                        "yaml",
                        "yml",
                        "txt",
                        "md",
                        "csv",
                        "tsv",
                        "parquet",
                        "png",
                        "jpg",
                        "jpeg",
                        "svg",
                        "pdf",
                        "zip",
                        "tar",
                        "gz",
                        "tgz",
                        "log"),
                5L << 30,
                20L << 30,
                1_000,
                3);
    }

    /** The lower-case extension of a file name ({@code model.tar.gz} is {@code gz}), or "" without one. */
    static String type(String name) {
        String file = name.substring(name.lastIndexOf('/') + 1);
        int dot = file.lastIndexOf('.');
        return dot <= 0 ? "" : file.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    boolean allows(String name) {
        return allowedTypes.contains(type(name));
    }
}
