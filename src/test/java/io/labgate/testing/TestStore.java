package io.labgate.testing;

import io.labgate.devlab.EmbeddedLabTestResource;
import io.labgate.devlab.EmbeddedS3Server;
import io.minio.MinioClient;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

/** The embedded object store as tests fill it, bypassing LabGate: one client, test bytes and their SHA-256. */
public final class TestStore {

    private static MinioClient minio;

    private TestStore() {}

    /** A client of the embedded store with its owner's credentials. */
    public static synchronized MinioClient minio() {
        if (minio == null) {
            EmbeddedS3Server s3 = EmbeddedLabTestResource.lab().s3();
            minio = MinioClient.builder()
                    .endpoint(s3.endpoint())
                    .region("us-east-1")
                    .credentials(s3.accessKey(), s3.secretKey())
                    .build();
        }
        return minio;
    }

    /** {@code size} pseudo-random bytes; the same seed gives the same bytes. */
    public static byte[] bytes(long seed, int size) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    /** The SHA-256 of the bytes, lower-case hex, as manifests hold it. */
    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
