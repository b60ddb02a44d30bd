package io.labgate.gateway.sigv4;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the verifier needs of an incoming HTTP request, exactly as received: the method, the raw (still
 * percent-encoded) path, the raw query string without the {@code '?'} ({@code null} or empty when there is none)
 * and the headers. Header names are looked up case-insensitively; a name may carry several values.
 *
 * <p>The payload hash is the {@code x-amz-content-sha256} header. The verifier never sees the body: an endpoint that
 * reads one must check it against {@link SigV4Result.Verified#payloadHash()} itself.
 *
 * <p>{@code virtualHostBucket} is the bucket a virtual-hosted-style request names in its host
 * ({@code <bucket>.s3.example.com}), null for path-style: Signature Version 2 signs the resource as
 * {@code /<bucket><path>} either way, SigV4 the path as sent.
 */
public record SigV4Request(
        String method, String rawPath, String rawQuery, Map<String, List<String>> headers, String virtualHostBucket) {

    /** A path-style request. */
    public SigV4Request(String method, String rawPath, String rawQuery, Map<String, List<String>> headers) {
        this(method, rawPath, rawQuery, headers, null);
    }

    public SigV4Request {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(rawPath, "rawPath");
        rawQuery = rawQuery == null ? "" : rawQuery;
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((name, values) -> {
                if (name != null && values != null) {
                    copy.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values);
                }
            });
        }
        copy.replaceAll((name, values) -> List.copyOf(values));
        headers = Collections.unmodifiableMap(copy);
    }

    /** Every value of the header, in the order received; empty when it is absent. */
    public List<String> headerValues(String name) {
        return headers.getOrDefault(name, List.of());
    }

    /** The header's value when it occurs exactly once. */
    public Optional<String> singleHeader(String name) {
        List<String> values = headerValues(name);
        return values.size() == 1 ? Optional.of(values.get(0)) : Optional.empty();
    }
}
