package io.labgate.gateway;

import static io.labgate.gateway.S3HandlerFixtures.PHOTO;
import static io.labgate.gateway.S3HandlerFixtures.call;
import static io.labgate.gateway.S3HandlerFixtures.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labgate.delivery.api.ByteRange;
import io.labgate.gateway.sigv4.S3ErrorCode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * HeadObject and what GetObject decides before its transfer, against the examples of AWS's API reference. The
 * transfer itself (ObjectDelivery) is S3TransferTest's and S3GatewayTest's.
 */
class ObjectHandlersTest {

    private static final String ETAG = "\"" + PHOTO.sha256() + "\"";
    private static final String LAST_MODIFIED = "Mon, 12 Oct 2009 17:50:30 GMT";

    private final FakeUsageLog usage = new FakeUsageLog();
    private final RecordingExchange exchange = new RecordingExchange();

    private void head(S3Call call) {
        HeadObjectHandler handler = new HeadObjectHandler();
        handler.log = S3HandlerFixtures.log(usage);
        handler.answer(call, target(), PHOTO, exchange);
    }

    @Test
    void headObjectAnswersTheHeadersOfAwsExample() {
        head(call("HEAD", "/examplebucket/my-image.jpg", ""));

        // AWS: ETag, Last-Modified, Content-Length, Accept-Ranges: bytes, Content-Type: image/jpeg; no body
        assertThat(exchange.status).isEqualTo(200);
        assertThat(exchange.headers)
                .containsEntry("ETag", ETAG)
                .containsEntry("Last-Modified", LAST_MODIFIED)
                .containsEntry("Content-Length", "434234")
                .containsEntry("Accept-Ranges", "bytes")
                .containsEntry("Content-Type", "image/jpeg")
                .containsEntry("X-Content-Type-Options", "nosniff")
                .containsEntry("x-amz-request-id", S3HandlerFixtures.REQUEST_ID)
                .doesNotContainKey("x-amz-checksum-sha256");
        assertThat(exchange.body).isNull();
        assertThat(usage.reasons()).containsExactly("s3 HeadObject");
        assertThat(usage.recorded.get(0).objectKey()).isEqualTo("my-image.jpg");
    }

    @Test
    void headObjectNamesTheSha256WhenChecksumsAreAskedFor() {
        head(call("HEAD", "/examplebucket/my-image.jpg", "", "x-amz-checksum-mode", "ENABLED"));
        assertThat(exchange.headers)
                .containsEntry("x-amz-checksum-sha256", "+6ne3l8ncxyXcWRaOYYzKPup3t5fJ3Mcl3FkWjmGMyg=");
    }

    @Test
    void aMatchingIfNoneMatchIs304NotModified() {
        head(call("HEAD", "/examplebucket/my-image.jpg", "", "If-None-Match", ETAG));

        assertThat(exchange.status).isEqualTo(304);
        assertThat(exchange.headers)
                .containsOnlyKeys("x-amz-request-id", "x-amz-id-2", "ETag", "Last-Modified")
                .containsEntry("ETag", ETAG)
                .containsEntry("Last-Modified", LAST_MODIFIED);
        assertThat(usage.reasons()).containsExactly("s3 HeadObject not modified");
    }

    @Test
    void aFailedIfMatchIs412AndAnswersNothing() {
        assertThatThrownBy(() -> head(call("HEAD", "/examplebucket/my-image.jpg", "", "If-Match", "\"other\"")))
                .isInstanceOfSatisfying(S3Refusal.class, refusal -> {
                    assertThat(refusal.error.code()).isEqualTo(S3ErrorCode.PreconditionFailed);
                    assertThat(refusal.error.httpStatus()).isEqualTo(412);
                    assertThat(refusal.logged).isFalse();
                });
        assertThat(exchange.started()).isFalse();
        assertThat(usage.recorded).isEmpty();
    }

    @Test
    void partNumber1IsTheWholeObjectAndAnyOtherIsInvalidPartNumber() {
        head(call("HEAD", "/examplebucket/my-image.jpg", "partNumber=1"));
        assertThat(exchange.status).isEqualTo(200);

        assertThatThrownBy(() -> ObjectHeaders.requireWholePart(S3Operation.query("partNumber=2")))
                .isInstanceOfSatisfying(S3Refusal.class, refusal -> {
                    assertThat(refusal.error.code()).isEqualTo(S3ErrorCode.InvalidPartNumber);
                    assertThat(refusal.error.httpStatus()).isEqualTo(416);
                });
    }

    @Test
    void getObjectIfNoneMatchIs304LoggedAsGetObject() {
        S3Call call = call("GET", "/examplebucket/my-image.jpg", "", "If-None-Match", ETAG);
        boolean answered = ObjectHeaders.answeredNotModified(
                call, target(), PHOTO, exchange, S3HandlerFixtures.log(usage), "GetObject");

        assertThat(answered).isTrue();
        assertThat(exchange.status).isEqualTo(304);
        assertThat(usage.reasons()).containsExactly("s3 GetObject not modified");
    }

    @Test
    void getObjectOverridesTheHeadersOfAwsExample() {
        // AWS: GET /Junk3.txt?response-cache-control=No-cache&response-content-disposition=attachment%3B%20filename
        // %3Dtesting.txt&response-content-encoding=x-gzip&response-content-language=mi%2C%20en&response-expires=...
        Map<String, String> overridden = ObjectHeaders.overrides(S3Operation.query("response-cache-control=No-cache"
                + "&response-content-disposition=attachment%3B%20filename%3Dtesting.txt"
                + "&response-content-encoding=x-gzip&response-content-language=mi%2C%20en"
                + "&response-expires=Thu%2C%2001%20Dec%201994%2016:00:00%20GMT"
                + "&response-content-type=text%2Fplain"));
        assertThat(overridden)
                .containsEntry("Cache-Control", "No-cache")
                .containsEntry("Content-Disposition", "attachment; filename=testing.txt")
                .containsEntry("Content-Encoding", "x-gzip")
                .containsEntry("Content-Language", "mi, en")
                .containsEntry("Expires", "Thu, 01 Dec 1994 16:00:00 GMT")
                .containsEntry("Content-Type", "text/plain");

        ByteRange.Slice whole = ByteRange.WHOLE.resolve(PHOTO.size()).orElseThrow();
        Map<String, String> headers = GetObjectHandler.headers(
                call("GET", "/examplebucket/my-image.jpg", ""), target(), PHOTO, whole, overridden);
        assertThat(headers)
                .containsEntry("Content-Type", "text/plain")
                .containsEntry("Content-Length", "434234")
                .containsEntry("ETag", ETAG)
                .doesNotContainKey("Content-Range");
    }

    @Test
    void aContentTypeABrowserWouldRunIsRefused() {
        assertThatThrownBy(() -> ObjectHeaders.overrides(S3Operation.query("response-content-type=text%2Fhtml")))
                .isInstanceOfSatisfying(S3Refusal.class, refusal -> {
                    assertThat(refusal.error.code()).isEqualTo(S3ErrorCode.InvalidArgument);
                    assertThat(refusal.logged).isFalse();
                });
        // a value with control characters is left out: it could split the header
        assertThat(ObjectHeaders.overrides(S3Operation.query("response-cache-control=a%0Db")))
                .isEmpty();
    }

    @Test
    void aRangeIsAnsweredPartialWithoutTheWholeObjectsChecksum() {
        S3Call call =
                call("GET", "/examplebucket/my-image.jpg", "", "Range", "bytes=0-9", "x-amz-checksum-mode", "ENABLED");
        ByteRange range = GetObjectHandler.range(call, target(), PHOTO);
        ByteRange.Slice slice = range.resolve(PHOTO.size()).orElseThrow();

        Map<String, String> headers = GetObjectHandler.headers(call, target(), PHOTO, slice, Map.of());
        assertThat(headers)
                .containsEntry("Content-Length", "10")
                .containsEntry("Content-Range", "bytes 0-9/434234")
                .doesNotContainKey("x-amz-checksum-sha256");
    }

    @Test
    void anIfRangeOfAnotherVersionAsksForTheWholeObject() {
        S3Call call = call("GET", "/examplebucket/my-image.jpg", "", "Range", "bytes=0-9", "If-Range", "\"other\"");
        assertThat(GetObjectHandler.range(call, target(), PHOTO).isWhole()).isTrue();
    }
}
