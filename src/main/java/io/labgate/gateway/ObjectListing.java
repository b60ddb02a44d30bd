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
 * prefix ({@code P}); the next page starts after it and, after a common prefix, seeks past every key under it. A
 * token that does not decode, or names an entry outside the listed prefix, is {@code InvalidArgument}: a token can
 * only resume a listing, never make one seek elsewhere. ListObjects (v1) uses the same walk with its marker as
 * start-after.
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

        /** The greater of the last key and the last common prefix answered (ListObjects v1's NextMarker). */
        public String lastEntry() {
            String key =
                    contents.isEmpty() ? "" : contents.get(contents.size() - 1).key();
            String prefix = commonPrefixes.isEmpty() ? "" : commonPrefixes.get(commonPrefixes.size() - 1);
            return key.compareTo(prefix) >= 0 ? key : prefix;
        }
    }

    private ObjectListing() {}

    public static Page list(Source source, Query query) {
        String cursor = query.startAfter();
        if (query.continuationToken() != null) {
            Token token = Token.decode(query.continuationToken())
                    // a token resumes a listing of this prefix; it never seeks outside it
                    .filter(t -> t.value().startsWith(query.prefix()))
                    .orElseThrow(() -> new IllegalArgumentException("The continuation token provided is incorrect"));
            cursor = token.commonPrefix() ? past(token.value()) : token.value();
        }
        List<ListedObject> contents = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        Token last = null;
        int batch = Math.min(MAX_KEYS, Math.max(query.maxKeys() + 1, 100));
        while (true) {
            List<ListedObject> page = source.page(query.prefix(), cursor, batch);
            boolean sought = false;
            for (ListedObject object : page) {
                cursor = object.key();
                if (contents.size() + prefixes.size() == query.maxKeys()) {
                    // one more entry exists: the page is truncated after the last one answered
                    boolean more = query.maxKeys() > 0;
                    return new Page(contents, prefixes, more, more ? last.encode() : null);
                }
                String commonPrefix = commonPrefix(object.key(), query);
                if (commonPrefix != null) {
                    prefixes.add(commonPrefix);
                    last = new Token(true, commonPrefix);
                    // seek past every key under it instead of reading them: one source page per entry at most
                    cursor = past(commonPrefix);
                    sought = true;
                    break;
                }
                contents.add(object);
                last = new Token(false, object.key());
            }
            if (!sought && page.size() < batch) {
                return new Page(contents, prefixes, false, null);
            }
        }
    }

    /**
     * A cursor after every key that starts with {@code prefix}: the prefix followed by the greatest code point, which
     * sorts after any character a key can hold next (in UTF-8 byte order, as the manifest is ordered).
     */
    static String past(String prefix) {
        return prefix + "\uDBFF\uDFFF";
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
