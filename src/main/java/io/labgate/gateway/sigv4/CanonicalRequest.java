package io.labgate.gateway.sigv4;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The SigV4 canonical request of an S3 request:
 *
 * <pre>
 * METHOD \n CanonicalURI \n CanonicalQueryString \n CanonicalHeaders \n SignedHeaders \n PayloadHash
 * </pre>
 *
 * <p>S3 rules: the path is decoded once and each segment encoded once (no double encoding, no path normalization);
 * query names and values are decoded and encoded again, sorted by encoded name, then encoded value; header names
 * are lower case, values trimmed with inner runs of white space collapsed to one space and repeated headers joined
 * with commas.
 */
final class CanonicalRequest {

    private final String text;

    private CanonicalRequest(String text) {
        this.text = text;
    }

    /**
     * Builds the canonical request.
     *
     * @param signedHeaders the lower-case names of the signed headers, sorted
     * @param excludedQueryParameter a raw query parameter left out (the presigned {@code X-Amz-Signature}), or
     *     {@code null}
     * @throws IllegalArgumentException if the path or the query has a malformed percent escape
     */
    static CanonicalRequest of(
            SigV4Request request, List<String> signedHeaders, String payloadHash, String excludedQueryParameter) {
        String text = request.method()
                + '\n'
                + UriEncoding.canonicalPath(request.rawPath())
                + '\n'
                + canonicalQuery(request.rawQuery(), excludedQueryParameter)
                + '\n'
                + canonicalHeaders(request, signedHeaders)
                + '\n'
                + String.join(";", signedHeaders)
                + '\n'
                + payloadHash;
        return new CanonicalRequest(text);
    }

    String text() {
        return text;
    }

    /** The hex SHA-256 of the canonical request, the last line of the string to sign. */
    String hash() {
        return Hex.sha256(text);
    }

    static String canonicalQuery(String rawQuery, String excludedParameter) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<Map.Entry<String, String>> parameters = new ArrayList<>();
        for (String pair : rawQuery.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = UriEncoding.canonicalQueryComponent(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : UriEncoding.canonicalQueryComponent(pair.substring(eq + 1));
            if (name.equals(excludedParameter)) {
                continue;
            }
            parameters.add(Map.entry(name, value));
        }
        // encoded text is ASCII, so String order is byte order
        parameters.sort(Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue()));
        StringBuilder out = new StringBuilder(rawQuery.length() + 16);
        for (Map.Entry<String, String> parameter : parameters) {
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(parameter.getKey()).append('=').append(parameter.getValue());
        }
        return out.toString();
    }

    private static String canonicalHeaders(SigV4Request request, List<String> signedHeaders) {
        StringBuilder out = new StringBuilder(256);
        signedHeaders.stream().sorted(Comparator.naturalOrder()).forEach(name -> {
            out.append(name.toLowerCase(Locale.ROOT)).append(':');
            List<String> values = request.headerValues(name);
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(trimAll(values.get(i)));
            }
            out.append('\n');
        });
        return out.toString();
    }

    /** Trims the value and collapses each inner run of spaces and tabs to one space. */
    static String trimAll(String value) {
        StringBuilder out = new StringBuilder(value.length());
        boolean pendingSpace = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ' ' || c == '\t') {
                pendingSpace = !out.isEmpty();
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }
}
