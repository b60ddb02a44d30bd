package io.labgate.testing;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** The AWS SDK's own signer, pointed at LabGate's S3-compatible endpoint: the independent client of the tests. */
public final class S3Clients {

    private S3Clients() {}

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
