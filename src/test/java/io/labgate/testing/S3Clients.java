package io.labgate.testing;

import java.net.URI;
import java.time.Clock;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.auth.scheme.S3AuthSchemeProvider;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** The AWS SDK's own signer, pointed at LabGate's S3-compatible endpoint: the independent client of the tests. */
public final class S3Clients {

    private S3Clients() {}

    /** A path-style client of the endpoint, without retries; with a signing clock when one is given. */
    public static S3Client client(URI endpoint, String accessKeyId, String secret, Clock signingClock) {
        var builder = S3Client.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secret)))
                .serviceConfiguration(S3Configuration.builder()
                        .pathStyleAccessEnabled(true)
                        .chunkedEncodingEnabled(false)
                        .build())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
        if (signingClock != null) {
            S3AuthSchemeProvider defaults = S3AuthSchemeProvider.defaultProvider();
            builder.authSchemeProvider(params -> defaults.resolveAuthScheme(params).stream()
                    .map(option -> option.toBuilder()
                            .putSignerProperty(HttpSigner.SIGNING_CLOCK, signingClock)
                            .build())
                    .toList());
        }
        return builder.build();
    }

    /** A path-style client of the endpoint, without retries. */
    public static S3Client client(URI endpoint, String accessKeyId, String secret) {
        return client(endpoint, accessKeyId, secret, null);
    }

    /** A path-style presigner for the endpoint (e.g. {@code http://host:port/s3}) with an access key of a grant. */
    public static S3Presigner presigner(URI endpoint, String accessKeyId, String secret) {
        return S3Presigner.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secret)))
                .serviceConfiguration(
                        S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .build();
    }
}
