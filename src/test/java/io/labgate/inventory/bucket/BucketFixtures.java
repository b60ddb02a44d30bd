package io.labgate.inventory.bucket;

import static io.labgate.testing.Api.as;

import io.labgate.platform.storage.BucketUsage;
import io.labgate.platform.storage.ObjectStore;
import io.labgate.platform.storage.StorageException;
import io.labgate.platform.storage.StorageMetrics;
import io.labgate.testing.TestStore;
import io.labgate.testing.Tokens;
import io.minio.BucketExistsArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveBucketArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.messages.Item;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Buckets made directly in the embedded S3 store, and request bodies for the bucket API. */
final class BucketFixtures {

    static final String BUCKETS = "/api/v1/buckets";

    private BucketFixtures() {}

    /** A bucket name no other test uses; the store and the database are shared by the whole test JVM. */
    static String unique(String prefix) {
        return "lg-" + prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates the bucket in the store, bypassing LabGate. */
    static void makeBucket(String bucket) throws Exception {
        TestStore.minio().makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
    }

    /** Uploads an object of exactly {@code size} bytes. */
    static void upload(String bucket, String key, int size) throws Exception {
        byte[] content = new byte[size];
        java.util.Arrays.fill(content, (byte) 'x');
        TestStore.minio()
                .putObject(PutObjectArgs.builder().bucket(bucket).object(key).stream(
                                new ByteArrayInputStream(content), size, -1)
                        .build());
    }

    static boolean existsInStore(String bucket) throws Exception {
        return TestStore.minio()
                .bucketExists(BucketExistsArgs.builder().bucket(bucket).build());
    }

    /** Empties the bucket and removes it from the store, behind LabGate's back. */
    static void deleteFromStore(String bucket) throws Exception {
        for (Result<Item> result : TestStore.minio()
                .listObjects(
                        ListObjectsArgs.builder().bucket(bucket).recursive(true).build())) {
            TestStore.minio()
                    .removeObject(RemoveObjectArgs.builder()
                            .bucket(bucket)
                            .object(result.get().objectName())
                            .build());
        }
        TestStore.minio().removeBucket(RemoveBucketArgs.builder().bucket(bucket).build());
    }

    static Map<String, Object> bucketBody(String name, String mode) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("purpose", "PROCESSED");
        body.put("quotaBytes", 1_000_000L);
        body.put("versioning", true);
        body.put("encryption", false);
        body.put("description", "test bucket");
        body.put("mode", mode);
        return body;
    }

    static Response register(Map<String, Object> body) {
        return as(Tokens.OPERATOR).body(body).post(BUCKETS);
    }

    /** Registers a bucket that the test made in the store; answers its id. */
    static String registerExisting(String name, long quotaBytes) {
        Map<String, Object> body = bucketBody(name, "REGISTER");
        body.put("quotaBytes", quotaBytes);
        return register(body).then().statusCode(201).extract().path("id");
    }

    /**
     * The real store, except that counting one bucket fails the way {@link ObjectStore} fails when the store is
     * down: with a {@link StorageException}. Install with {@code QuarkusMock.installMockForType}.
     */
    static class StoreFailingFor extends ObjectStore {

        private final String failingBucket;

        StoreFailingFor(String failingBucket, MinioClient minio) throws ReflectiveOperationException {
            this.failingBucket = failingBucket;
            Field client = ObjectStore.class.getDeclaredField("minio");
            client.setAccessible(true);
            client.set(this, minio);
            // the real store's metrics, so that healthy buckets behave exactly as with the real bean
            Field metrics = ObjectStore.class.getDeclaredField("metrics");
            metrics.setAccessible(true);
            metrics.set(
                    this,
                    io.quarkus.arc.Arc.container()
                            .instance(StorageMetrics.class)
                            .get());
        }

        @Override
        public BucketUsage usage(String bucket) {
            if (failingBucket.equals(bucket)) {
                throw new StorageException("list bucket " + bucket, new IOException("simulated outage"));
            }
            return super.usage(bucket);
        }
    }
}
