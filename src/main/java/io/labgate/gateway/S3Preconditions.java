package io.labgate.gateway;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Optional;

/**
 * The conditional headers of HeadObject and GetObject, as S3 evaluates them (RFC 9110 section 13 with S3's
 * precedence): {@code If-Match} and {@code If-Unmodified-Since} fail with 412; {@code If-None-Match} and
 * {@code If-Modified-Since} answer 304. When {@code If-Match} holds, {@code If-Unmodified-Since} is not looked at;
 * when {@code If-None-Match} is present, {@code If-Modified-Since} is not. {@code If-Range} decides whether a
 * {@code Range} applies. Dates are HTTP dates compared to the second; one that does not parse is ignored, as S3
 * does. Pure logic.
 */
public final class S3Preconditions {

    /** What the conditions decide. */
    public enum Outcome {
        PROCEED,
        NOT_MODIFIED,
        PRECONDITION_FAILED
    }

    private S3Preconditions() {}

    /** The outcome for an object with this quoted ETag and last-modified time; null headers are absent. */
    public static Outcome evaluate(
            String ifMatch,
            String ifNoneMatch,
            String ifModifiedSince,
            String ifUnmodifiedSince,
            String etag,
            Instant lastModified) {
        Instant modified = lastModified.truncatedTo(ChronoUnit.SECONDS);
        if (ifMatch != null) {
            if (!matches(ifMatch, etag)) {
                return Outcome.PRECONDITION_FAILED;
            }
        } else if (date(ifUnmodifiedSince).filter(modified::isAfter).isPresent()) {
            return Outcome.PRECONDITION_FAILED;
        }
        if (ifNoneMatch != null) {
            if (matches(ifNoneMatch, etag)) {
                return Outcome.NOT_MODIFIED;
            }
        } else if (date(ifModifiedSince)
                .filter(since -> !modified.isAfter(since))
                .isPresent()) {
            return Outcome.NOT_MODIFIED;
        }
        return Outcome.PROCEED;
    }

    /**
     * Whether a {@code Range} applies under {@code If-Range}: when there is none, or when it names the object's
     * current ETag or a date not before its last modification; otherwise the whole object is answered.
     */
    public static boolean rangeApplies(String ifRange, String etag, Instant lastModified) {
        if (ifRange == null) {
            return true;
        }
        String value = ifRange.strip();
        if (value.startsWith("\"") || value.startsWith("W/")) {
            return value.equals(etag);
        }
        return date(value)
                .map(d -> !lastModified.truncatedTo(ChronoUnit.SECONDS).isAfter(d))
                .orElse(false);
    }

    /** Whether a list of entity tags ({@code *} or {@code "a", "b"}) names this ETag; quotes are optional. */
    static boolean matches(String header, String etag) {
        String bare = unquote(etag);
        return Arrays.stream(header.split(","))
                .map(String::strip)
                .anyMatch(tag -> tag.equals("*")
                        || unquote(tag.startsWith("W/") ? tag.substring(2) : tag)
                                .equals(bare));
    }

    private static String unquote(String tag) {
        return tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")
                ? tag.substring(1, tag.length() - 1)
                : tag;
    }

    private static Optional<Instant> date(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
