package io.labgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.labgate.gateway.sigv4.S3ErrorCode;
import org.junit.jupiter.api.Test;

/** Which S3 operation a request asks for, and bucket names. */
class S3OperationTest {

    private static S3ErrorCode refused(String method, String path, String query) {
        S3Operation operation = S3Operation.parse(method, path, query);
        assertThat(operation).isInstanceOf(S3Operation.Refused.class);
        return ((S3Operation.Refused) operation).error().code();
    }

    @Test
    void readOperationsAreRecognised() {
        assertThat(S3Operation.parse("GET", "", null)).isInstanceOf(S3Operation.ListBuckets.class);
        assertThat(S3Operation.parse("GET", "/", "")).isInstanceOf(S3Operation.ListBuckets.class);
        assertThat(S3Operation.parse("HEAD", "/b", null)).isEqualTo(new S3Operation.HeadBucket("b"));
        assertThat(S3Operation.parse("GET", "/b", "location")).isEqualTo(new S3Operation.GetBucketLocation("b"));
        // ListObjects v1, as rclone asks by default
        assertThat(S3Operation.parse("GET", "/b", "delimiter=%2F&max-keys=1000&prefix="))
                .isInstanceOfSatisfying(
                        S3Operation.ListObjectsV1.class,
                        list -> assertThat(list.query())
                                .containsEntry("delimiter", "/")
                                .containsEntry("prefix", ""));
        assertThat(S3Operation.parse("GET", "/b", null)).isInstanceOf(S3Operation.ListObjectsV1.class);
        assertThat(S3Operation.parse("GET", "/b", "marker=x&encoding-type=url"))
                .isInstanceOf(S3Operation.ListObjectsV1.class);
        assertThat(S3Operation.parse("GET", "/b/", "list-type=2&prefix=a%2Fb+c&max-keys=2"))
                .isInstanceOfSatisfying(S3Operation.ListObjectsV2.class, list -> {
                    assertThat(list.bucket()).isEqualTo("b");
                    assertThat(list.query()).containsEntry("prefix", "a/b c").containsEntry("max-keys", "2");
                });
        assertThat(S3Operation.parse("GET", "/b/dir/a%20b+c.txt", "x-id=GetObject"))
                .isEqualTo(new S3Operation.GetObject("b", "dir/a b+c.txt"));
        assertThat(S3Operation.parse("HEAD", "/b/k", "X-Amz-Signature=00&X-Amz-Date=1"))
                .isEqualTo(new S3Operation.HeadObject("b", "k"));
        assertThat(S3Operation.parse("GET", "/b/k", "response-content-type=text%2Fplain"))
                .isEqualTo(new S3Operation.GetObject("b", "k"));
    }

    @Test
    void everythingElseIsAnS3Error() {
        assertThat(refused("PUT", "/b/k", null)).isEqualTo(S3ErrorCode.AccessDenied);
        assertThat(refused("DELETE", "/b/k", null)).isEqualTo(S3ErrorCode.AccessDenied);
        assertThat(refused("POST", "/b/k", "uploads")).isEqualTo(S3ErrorCode.AccessDenied);
        assertThat(refused("PUT", "/b", null)).isEqualTo(S3ErrorCode.AccessDenied);
        assertThat(refused("OPTIONS", "/b", null)).isEqualTo(S3ErrorCode.MethodNotAllowed);
        assertThat(refused("GET", "/b", "acl")).isEqualTo(S3ErrorCode.NotImplemented);
        assertThat(refused("GET", "/b", "versioning")).isEqualTo(S3ErrorCode.NotImplemented);
        assertThat(refused("GET", "/b/k", "acl")).isEqualTo(S3ErrorCode.NotImplemented);
        assertThat(refused("GET", "/b/k", "uploadId=1")).isEqualTo(S3ErrorCode.NotImplemented);
        assertThat(refused("HEAD", "/", null)).isEqualTo(S3ErrorCode.MethodNotAllowed);
        assertThat(refused("GET", "/b/%zz", null)).isEqualTo(S3ErrorCode.InvalidURI);
    }

    @Test
    void bucketNamesAreLowerCaseAndDnsSafe() {
        assertThat(S3BucketNames.bucketName("DS-Farm_01", "v1.0")).isEqualTo("ds-farm-01-v1.0");
        assertThat(S3BucketNames.bucketName("ds", "2026 Q1 (final)")).isEqualTo("ds-2026-q1-final");
        assertThat(S3BucketNames.bucketName("-x", "")).isEqualTo("x00");
        assertThat(S3BucketNames.bucketName("a".repeat(60), "release-7"))
                .hasSize(63)
                .matches("[a-z0-9][a-z0-9.-]*[a-z0-9]");
    }

    @Test
    void aStoredTypeABrowserWouldRunIsServedAsPlainBytes() {
        String sha = "ab".repeat(32);
        assertThat(ObjectHeaders.contentType(new io.labgate.delivery.api.ManifestObject("a", 1, sha, "text/csv", null)))
                .isEqualTo("text/csv");
        for (String unsafe :
                java.util.List.of("text/html", "image/svg+xml", "application/xhtml+xml", "text/javascript")) {
            assertThat(ObjectHeaders.contentType(new io.labgate.delivery.api.ManifestObject("a", 1, sha, unsafe, null)))
                    .as(unsafe)
                    .isEqualTo("application/octet-stream");
        }
        assertThat(ObjectHeaders.contentType(new io.labgate.delivery.api.ManifestObject("a", 1, sha)))
                .isEqualTo("application/octet-stream");
    }
}
