package io.labgate.gateway;

import java.util.Locale;
import java.util.Optional;

/**
 * Virtual-hosted-style addressing: a request to {@code <bucket>.s3.example.com/<key>} names its bucket in the host,
 * where path-style names it in the path ({@code s3.example.com/<bucket>/<key>}). Pure logic.
 */
final class VirtualHostedStyle {

    private VirtualHostedStyle() {}

    /**
     * The bucket the host names below the domain: {@code "crops-v1"} for host {@code crops-v1.s3.example.com:9080}
     * and domain {@code s3.example.com}; empty for the domain itself, another host, or no host.
     */
    static Optional<String> bucket(String host, String domain) {
        if (host == null || domain == null || domain.isBlank()) {
            return Optional.empty();
        }
        String name = withoutPort(host.strip()).toLowerCase(Locale.ROOT);
        String suffix = "." + domain.strip().toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            // a fully qualified name: bucket.s3.example.com.
            name = name.substring(0, name.length() - 1);
        }
        if (!name.endsWith(suffix) || name.length() == suffix.length()) {
            return Optional.empty();
        }
        return Optional.of(name.substring(0, name.length() - suffix.length()));
    }

    /**
     * The path-style path of the request: {@code /<bucket>} before the path as sent, which S3Operation parses.
     */
    static String pathStyle(String bucket, String rawPath) {
        return "/" + bucket + (rawPath.startsWith("/") ? rawPath : "/" + rawPath);
    }

    private static String withoutPort(String host) {
        if (host.startsWith("[")) {
            // an IPv6 literal never names a bucket
            return host;
        }
        int colon = host.lastIndexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }
}
