package io.labgate.gateway;

import static io.labgate.gateway.S3Preconditions.Outcome.NOT_MODIFIED;
import static io.labgate.gateway.S3Preconditions.Outcome.PRECONDITION_FAILED;
import static io.labgate.gateway.S3Preconditions.Outcome.PROCEED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The conditional headers of GetObject and HeadObject, with the cases of the S3 API reference ("GetObject",
 * If-Match / If-None-Match / If-Modified-Since / If-Unmodified-Since and their combinations) and RFC 9110.
 */
class S3PreconditionsTest {

    static final String ETAG = "\"" + "ab".repeat(32) + "\"";
    static final Instant MODIFIED = Instant.parse("2026-03-01T09:00:00.750Z");
    static final String BEFORE = "Sat, 28 Feb 2026 09:00:00 GMT";
    static final String AT = "Sun, 01 Mar 2026 09:00:00 GMT";
    static final String AFTER = "Mon, 02 Mar 2026 09:00:00 GMT";

    private static S3Preconditions.Outcome of(
            String ifMatch, String ifNoneMatch, String ifModified, String ifUnmodified) {
        return S3Preconditions.evaluate(ifMatch, ifNoneMatch, ifModified, ifUnmodified, ETAG, MODIFIED);
    }

    @Test
    void ifMatchAndIfUnmodifiedSinceFailWith412() {
        assertThat(of(ETAG, null, null, null)).isEqualTo(PROCEED);
        assertThat(of("\"other\"", null, null, null)).isEqualTo(PRECONDITION_FAILED);
        assertThat(of("*", null, null, null)).isEqualTo(PROCEED);
        assertThat(of("\"x\", " + ETAG, null, null, null)).as("a list").isEqualTo(PROCEED);
        assertThat(of("ab".repeat(32), null, null, null))
                .as("unquoted, as some clients send")
                .isEqualTo(PROCEED);
        assertThat(of(null, null, null, BEFORE)).isEqualTo(PRECONDITION_FAILED);
        assertThat(of(null, null, null, AT)).as("compared to the second").isEqualTo(PROCEED);
        assertThat(of(null, null, null, AFTER)).isEqualTo(PROCEED);
    }

    @Test
    void ifNoneMatchAndIfModifiedSinceAnswer304() {
        assertThat(of(null, ETAG, null, null)).isEqualTo(NOT_MODIFIED);
        assertThat(of(null, "*", null, null)).isEqualTo(NOT_MODIFIED);
        assertThat(of(null, "\"other\"", null, null)).isEqualTo(PROCEED);
        assertThat(of(null, null, AT, null)).isEqualTo(NOT_MODIFIED);
        assertThat(of(null, null, AFTER, null)).isEqualTo(NOT_MODIFIED);
        assertThat(of(null, null, BEFORE, null)).isEqualTo(PROCEED);
        assertThat(of(null, null, "yesterday", null))
                .as("an unparsable date is ignored")
                .isEqualTo(PROCEED);
    }

    @Test
    void s3sDocumentedCombinations() {
        // If-Match true and If-Unmodified-Since false: 200, the data is returned
        assertThat(of(ETAG, null, null, BEFORE)).isEqualTo(PROCEED);
        // If-None-Match false and If-Modified-Since true: 200
        assertThat(of(null, "\"other\"", BEFORE, null)).isEqualTo(PROCEED);
        // If-None-Match false and If-Modified-Since false: still 200, If-None-Match decides
        assertThat(of(null, "\"other\"", AFTER, null)).isEqualTo(PROCEED);
        // a failed If-Match wins over a matching If-None-Match
        assertThat(of("\"other\"", ETAG, null, null)).isEqualTo(PRECONDITION_FAILED);
    }

    @Test
    void ifRangeAppliesTheRangeOnlyToTheSameObject() {
        assertThat(S3Preconditions.rangeApplies(null, ETAG, MODIFIED)).isTrue();
        assertThat(S3Preconditions.rangeApplies(ETAG, ETAG, MODIFIED)).isTrue();
        assertThat(S3Preconditions.rangeApplies("\"other\"", ETAG, MODIFIED)).isFalse();
        assertThat(S3Preconditions.rangeApplies(AT, ETAG, MODIFIED)).isTrue();
        assertThat(S3Preconditions.rangeApplies(BEFORE, ETAG, MODIFIED)).isFalse();
        assertThat(S3Preconditions.rangeApplies("not a date", ETAG, MODIFIED)).isFalse();
    }
}
