package io.labgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labgate.gateway.GatewayFixtures.Data;
import io.labgate.gateway.GatewayFixtures.Key;
import io.labgate.testing.DemoOrganizations;
import io.labgate.testing.PublishedDatasets;
import io.labgate.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The S3 API at the root of its own listener ({@code labgate.gateway.root-port}), as s3cmd, mc and other tools
 * that cannot use a path prefix need it: the same operations, keys and signatures as under {@code /s3}, driven by
 * the AWS SDK for Java v2 with nothing but the endpoint changed.
 */
@QuarkusTest
class S3RootEndpointTest {

    @Inject
    S3Mount mount;

    @Inject
    DemoOrganizations demo;

    @Test
    void theSameBucketIsListedAndReadAtTheRootOfItsOwnPort() throws Exception {
        Data data = published();
        String bucket = bucket(data);
        Key key = GatewayFixtures.key(Tokens.ALICE, GatewayFixtures.grant(Tokens.ALICE, data));
        assertThat(mount.rootPort()).isPositive();
        URI root = URI.create("http://localhost:" + mount.rootPort());

        try (S3Client s3 = GatewayFixtures.client(root, key.accessKeyId(), key.secret())) {
            assertThat(s3.listBuckets().buckets()).extracting(b -> b.name()).containsExactly(bucket);
            assertThat(s3.listObjectsV2(r -> r.bucket(bucket)).contents())
                    .extracting(S3Object::key)
                    .contains("a.bin", "b.bin");
            assertThat(s3.getObject(r -> r.bucket(bucket).key("b.bin"), ResponseTransformer.toBytes())
                            .asByteArray())
                    .isEqualTo(GatewayFixtures.OBJECTS.get("d/b.bin"));
            assertThatThrownBy(() -> s3.deleteObject(r -> r.bucket(bucket).key("b.bin")))
                    .isInstanceOfSatisfying(
                            S3Exception.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
        }
        // a presigned GET of the root endpoint works with any HTTP client
        try (var presigner = GatewayFixtures.presigner(root, key.accessKeyId(), key.secret())) {
            URI url = presigner
                    .presignGetObject(r -> r.signatureDuration(Duration.ofMinutes(5))
                            .getObjectRequest(g -> g.bucket(bucket).key("a.bin")))
                    .url()
                    .toURI();
            assertThat(url.getPath()).isEqualTo("/" + bucket + "/a.bin");
            HttpResponse<byte[]> response = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(GatewayFixtures.OBJECTS.get("d/a.bin"));
        }
    }

    /**
     * Virtual-hosted-style, as the AWS SDK addresses buckets by default: {@code <bucket>.s3.localhost:port/<key>}
     * (the test profile's {@code labgate.gateway.virtual-host-domain}). The SDK's HTTP client resolves every name to
     * loopback, so the test needs no DNS; the request carries the bucket's host exactly as the SDK signed it.
     */
    @Test
    void aBucketNamedInTheHostIsServedAsInThePath() throws Exception {
        Data data = published();
        String bucket = bucket(data);
        Key key = GatewayFixtures.key(Tokens.ALICE, GatewayFixtures.grant(Tokens.ALICE, data));
        List<String> hostsAsked = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (S3Client s3 = S3Client.builder()
                .endpointOverride(URI.create("http://s3.localhost:" + mount.rootPort()))
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(
                                key.accessKeyId(), key.secret())))
                .httpClient(software.amazon.awssdk.http.apache5.Apache5HttpClient.builder()
                        .dnsResolver(new org.apache.hc.client5.http.SystemDefaultDnsResolver() {
                            @Override
                            public java.net.InetAddress[] resolve(String host) {
                                hostsAsked.add(host);
                                return new java.net.InetAddress[] {java.net.InetAddress.getLoopbackAddress()};
                            }
                        })
                        .build())
                .build()) {
            assertThat(s3.listObjectsV2(r -> r.bucket(bucket)).contents())
                    .extracting(S3Object::key)
                    .contains("a.bin", "b.bin");
            assertThat(s3.getObject(r -> r.bucket(bucket).key("b.bin"), ResponseTransformer.toBytes())
                            .asByteArray())
                    .isEqualTo(GatewayFixtures.OBJECTS.get("d/b.bin"));
            assertThat(s3.headObject(r -> r.bucket(bucket).key("a.bin")).contentLength())
                    .isEqualTo(GatewayFixtures.OBJECTS.get("d/a.bin").length);
            // another bucket's host is another bucket: not the grant's
            assertThatThrownBy(() -> s3.listObjectsV2(r -> r.bucket("someone-elses-data")))
                    .isInstanceOfSatisfying(
                            S3Exception.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchBucket"));
        }
        // the SDK did address the bucket in the host, not in the path
        assertThat(hostsAsked).contains(bucket + ".s3.localhost").doesNotContain("s3.localhost");
    }

    /** A version published for S3 by an active provider, for the active company of alice. */
    private Data published() {
        for (UUID id : List.of(DemoOrganizations.ALPHA, DemoOrganizations.JEJU)) {
            demo.ensure(id);
        }
        PublishedDatasets.active(DemoOrganizations.ALPHA);
        PublishedDatasets.active(DemoOrganizations.JEJU);
        return GatewayFixtures.publishedForS3();
    }

    private static String bucket(Data data) {
        return (data.datasetCode() + "-" + data.versionLabel()).toLowerCase(Locale.ROOT);
    }
}
