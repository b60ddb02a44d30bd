package io.labgate.gateway;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * ListObjectsV2 over a sorted source of keys: prefix, delimiter (common prefixes), max-keys, start-after and an
 * opaque continuation token. Pure logic, no I/O of its own.
 *
 * <p>The continuation token is the base64url of the last entry answered, marked as a key ({@code K}) or a common
 * prefix ({@code P}); the next page starts after it and, after a common prefix, skips every key under it. A token
 * that does not decode is {@code InvalidArgument}.
 */
public final class ObjectListing {

    /** The most keys one page answers, as S3. */
    public static final int MAX_KEYS = 1000;

    /** A page of the source: keys that start with {@code prefix}, strictly after {@code startAfter}, in order. */
    @FunctionalInterface
    public interface Source {
        List<ListedObject> page(String prefix, String startAfter, int limit);
    }

    /** What a ListObjectsV2 request asks; {@code null} for what it leaves out. */
    public record Query(String prefix, String delimiter, int maxKeys, String startAfter, String continuationToken) {

        public Query {
            prefix = prefix == null ? "" : prefix;
            delimiter = delimiter == null || delimiter.isEmpty() ? null : delimiter;
            if (maxKeys < 0) {
                throw new IllegalArgumentException("max-keys must not be negative");
            }
            maxKeys = Math.min(maxKeys, MAX_KEYS);
        }
    }

    /** One page of the answer. */
    public record Page(
            List<ListedObject> contents, List<String> commonPrefixes, boolean truncated, String nextContinuationToken) {

        public int keyCount() {
            return contents.size() + commonPrefixes.size();
        }
    }

    private ObjectListing() {}

    public static Page list(Source source, Query query) {
        String cursor = query.startAfter();
        String skipUnder = null;
        if (query.continuationToken() != null) {
            Token token = Token.decode(query.continuationToken())
                    .orElseThrow(() -> new IllegalArgumentException("The continuation token provided is incorrect"));
            cursor = token.value();
            skipUnder = token.commonPrefix() ? token.value() : null;
        }
        List<ListedObject> contents = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        Token last = null;
        int batch = Math.min(MAX_KEYS, Math.max(query.maxKeys() + 1, 100));
        while (true) {
            List<ListedObject> page = source.page(query.prefix(), cursor, batch);
            for (ListedObject object : page) {
                cursor = object.key();
                if (skipUnder != null && object.key().startsWith(skipUnder)) {
                    continue;
                }
                skipUnder = null;
                String commonPrefix = commonPrefix(object.key(), query);
                if (contents.size() + prefixes.size() == query.maxKeys()) {
                    // one more entry exists: the page is truncated after the last one answered
                    boolean more = query.maxKeys() > 0;
                    return new Page(contents, prefixes, more, more ? last.encode() : null);
                }
                if (commonPrefix != null) {
                    prefixes.add(commonPrefix);
                    last = new Token(true, commonPrefix);
                    skipUnder = commonPrefix;
                } else {
                    contents.add(object);
                    last = new Token(false, object.key());
                }
            }
            if (page.size() < batch) {
                return new Page(contents, prefixes, false, null);
            }
        }
    }

    private static String commonPrefix(String key, Query query) {
        if (query.delimiter() == null) {
            return null;
        }
        int at = key.indexOf(query.delimiter(), query.prefix().length());
        return at < 0 ? null : key.substring(0, at + query.delimiter().length());
    }

    record Token(boolean commonPrefix, String value) {

        String encode() {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(((commonPrefix ? "P" : "K") + value).getBytes(StandardCharsets.UTF_8));
        }

        static Optional<Token> decode(String token) {
            try {
                String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
                if (text.startsWith("K") || text.startsWith("P")) {
                    return Optional.of(new Token(text.startsWith("P"), text.substring(1)));
                }
            } catch (IllegalArgumentException e) {
                // not base64url
            }
            return Optional.empty();
        }
    }
}
