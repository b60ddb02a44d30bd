package io.labgate.gateway.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Signature Version 2 with the examples of AWS's "Signing and authenticating REST requests" (the puppy.jpg object
 * of bucket johnsmith, keys AKIAIOSFODNN7EXAMPLE / wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY), path-style.
 */
class SigV2VerifierTest {

    static final String KEY = "AKIAIOSFODNN7EXAMPLE";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private static SigV4Verifier verifier(Instant now) {
        SecretLookup secrets = id -> id.equals(KEY) ? Optional.of(SECRET) : Optional.empty();
        return new SigV4Verifier("us-east-1", secrets, Clock.fixed(now, ZoneOffset.UTC), Duration.ofMinutes(15));
    }

    private static SigV4Request get(String rawQuery, Map<String, List<String>> headers) {
        return new SigV4Request("GET", "/johnsmith/photos/puppy.jpg", rawQuery, headers);
    }

    @Test
    void theDocumentedHeaderExampleVerifies() {
        Instant signed = Instant.parse("2007-03-27T19:36:42Z");
        SigV4Request request = get(
                null,
                Map.of(
                        "Date", List.of("Tue, 27 Mar 2007 19:36:42 +0000"),
                        "Authorization", List.of("AWS " + KEY + ":bWq2s1WEIj+Ydj0vQ697zp+IXMU=")));
        assertThat(SigV2Verifier.stringToSign(request, "Tue, 27 Mar 2007 19:36:42 +0000"))
                .isEqualTo("GET\n\n\nTue, 27 Mar 2007 19:36:42 +0000\n/johnsmith/photos/puppy.jpg");
        assertThat(verifier(signed.plusSeconds(60)).verify(request))
                .isInstanceOfSatisfying(SigV4Result.Verified.class, v -> {
                    assertThat(v.accessKeyId()).isEqualTo(KEY);
                    assertThat(v.authLocation()).isEqualTo(SigV4Result.AuthLocation.HEADER);
                });
        assertThat(verifier(signed.plus(Duration.ofHours(1))).verify(request))
                .isInstanceOfSatisfying(
                        SigV4Result.Rejected.class,
                        r -> assertThat(r.code()).isEqualTo(S3ErrorCode.RequestTimeTooSkewed));
        SigV4Request tampered = new SigV4Request("GET", "/johnsmith/photos/kitten.jpg", null, request.headers());
        assertThat(verifier(signed).verify(tampered)).isInstanceOfSatisfying(SigV4Result.Rejected.class, r -> {
            assertThat(r.code()).isEqualTo(S3ErrorCode.SignatureDoesNotMatch);
            assertThat(r.error().message()).contains("Signature Version 2");
        });
    }

    /** AWS's example as it was sent: virtual-hosted-style, {@code Host: johnsmith.s3.amazonaws.com}. */
    @Test
    void theDocumentedExampleVerifiesVirtualHostedStyleWithTheBucketFromTheHost() {
        Map<String, List<String>> headers = Map.of(
                "Host", List.of("johnsmith.s3.amazonaws.com"),
                "Date", List.of("Tue, 27 Mar 2007 19:36:42 +0000"),
                "Authorization", List.of("AWS " + KEY + ":bWq2s1WEIj+Ydj0vQ697zp+IXMU="));
        SigV4Request request = new SigV4Request("GET", "/photos/puppy.jpg", null, headers, "johnsmith");
        assertThat(SigV2Verifier.canonicalResource(request)).isEqualTo("/johnsmith/photos/puppy.jpg");
        assertThat(verifier(Instant.parse("2007-03-27T19:37:00Z")).verify(request))
                .isInstanceOf(SigV4Result.Verified.class);
        // the same signature for another bucket's host does not verify
        SigV4Request otherBucket = new SigV4Request("GET", "/photos/puppy.jpg", null, headers, "janedoe");
        assertThat(verifier(Instant.parse("2007-03-27T19:37:00Z")).verify(otherBucket))
                .isInstanceOf(SigV4Result.Rejected.class);
        // the bucket root: the resource keeps the trailing slash
        assertThat(SigV2Verifier.canonicalResource(new SigV4Request("GET", "/", null, Map.of(), "johnsmith")))
                .isEqualTo("/johnsmith/");
    }

    @Test
    void theDocumentedQueryExampleVerifiesUntilItExpires() {
        SigV4Request request = get(
                "AWSAccessKeyId=" + KEY + "&Expires=1175139620&Signature=NpgCjnDzrM%2BWFzoENXmpNDUsSn8%3D", Map.of());
        assertThat(verifier(Instant.ofEpochSecond(1175139620 - 3600)).verify(request))
                .isInstanceOfSatisfying(SigV4Result.Verified.class, v -> {
                    assertThat(v.authLocation()).isEqualTo(SigV4Result.AuthLocation.QUERY);
                    assertThat(v.expiresAt()).isEqualTo(Instant.ofEpochSecond(1175139620));
                });
        assertThat(verifier(Instant.ofEpochSecond(1175139621)).verify(request))
                .isInstanceOfSatisfying(
                        SigV4Result.Rejected.class, r -> assertThat(r.code()).isEqualTo(S3ErrorCode.AccessDenied));
        // no longer than a SigV4 URL may live
        assertThat(verifier(Instant.ofEpochSecond(1175139620 - 8 * 86_400)).verify(request))
                .isInstanceOfSatisfying(
                        SigV4Result.Rejected.class,
                        r -> assertThat(r.error().message()).contains("7 days"));
    }

    @Test
    void readsOnlyAndTheCanonicalResourceKeepsTheSubResourcesDecodedAndSorted() {
        SigV4Request put = new SigV4Request(
                "PUT", "/johnsmith/photos/puppy.jpg", null, Map.of("Authorization", List.of("AWS " + KEY + ":x")));
        assertThat(verifier(Instant.now()).verify(put)).isInstanceOfSatisfying(SigV4Result.Rejected.class, r -> {
            assertThat(r.code()).isEqualTo(S3ErrorCode.AccessDenied);
            assertThat(r.error().message()).contains("Signature Version 2").contains("Version 4");
        });
        SigV4Request overrides = get("response-content-type=text%2Fcsv&prefix=x&acl&Signature=s", Map.of());
        assertThat(SigV2Verifier.canonicalResource(overrides))
                .isEqualTo("/johnsmith/photos/puppy.jpg?acl&response-content-type=text/csv");
        assertThat(SigV2Verifier.stringToSign(
                        get(null, Map.of("X-Amz-Meta-B", List.of(" 2 "), "x-amz-date", List.of("now"))), ""))
                .isEqualTo("GET\n\n\n\nx-amz-date:now\nx-amz-meta-b:2\n/johnsmith/photos/puppy.jpg");
    }
}
