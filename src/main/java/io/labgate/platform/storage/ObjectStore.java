package io.labgate.platform.storage;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.Result;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.Item;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * LabGate's only door to the object store. Every failure becomes a {@link StorageException} (502 for
 * clients); the store's own messages stay in the log.
 */
@ApplicationScoped
public class ObjectStore {

    private static final Logger LOG = Logger.getLogger(ObjectStore.class);

    @Inject
    MinioClient minio;

    @Inject
    StorageMetrics metrics;

    public boolean bucketExists(String bucket) {
        return metrics.time("bucket_exists", () -> {
            try {
                return minio.bucketExists(
                        BucketExistsArgs.builder().bucket(bucket).build());
            } catch (Exception e) {
                throw failure("check bucket " + bucket, e);
            }
        });
    }

    public void createBucket(String bucket) {
        metrics.time("create_bucket", () -> {
            try {
                if (!minio.bucketExists(
                        BucketExistsArgs.builder().bucket(bucket).build())) {
                    minio.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
                }
            } catch (Exception e) {
                throw failure("create bucket " + bucket, e);
            }
            return null;
        });
    }

    /** Counts the objects and bytes of a bucket by listing it; a missing bucket is reported, not thrown. */
    public BucketUsage usage(String bucket) {
        return metrics.time("usage", () -> {
            try {
                if (!minio.bucketExists(
                        BucketExistsArgs.builder().bucket(bucket).build())) {
                    return BucketUsage.missing();
                }
                long count = 0;
                long bytes = 0;
                for (Result<Item> result : minio.listObjects(
                        ListObjectsArgs.builder().bucket(bucket).recursive(true).build())) {
                    Item item = result.get();
                    if (!item.isDir()) {
                        count++;
                        bytes += item.size();
                    }
                }
                return new BucketUsage(true, count, bytes);
            } catch (ErrorResponseException e) {
                if ("NoSuchBucket".equals(e.errorResponse().code())) {
                    return BucketUsage.missing();
                }
                throw failure("list bucket " + bucket, e);
            } catch (Exception e) {
                throw failure("list bucket " + bucket, e);
            }
        });
    }

    /** Lists the objects under a prefix, all of them (callers bound the prefix). */
    public List<ObjectSummary> list(String bucket, String prefix) {
        return metrics.time("list", () -> {
            try {
                List<ObjectSummary> objects = new ArrayList<>();
                for (Result<Item> result : minio.listObjects(ListObjectsArgs.builder()
                        .bucket(bucket)
                        .prefix(prefix)
                        .recursive(true)
                        .build())) {
                    Item item = result.get();
                    if (!item.isDir()) {
                        objects.add(new ObjectSummary(item.objectName(), item.size(), item.etag()));
                    }
                }
                return objects;
            } catch (Exception e) {
                throw failure("list bucket " + bucket, e);
            }
        });
    }

    /**
     * Lists the objects under a prefix in key order, stopping after {@code limit} of them: a caller that must
     * refuse too large a prefix asks for one more than it accepts.
     */
    public List<ObjectSummary> list(String bucket, String prefix, int limit) {
        return metrics.time("list", () -> {
            try {
                List<ObjectSummary> objects = new ArrayList<>();
                for (Result<Item> result : minio.listObjects(ListObjectsArgs.builder()
                        .bucket(bucket)
                        .prefix(prefix)
                        .recursive(true)
                        .build())) {
                    if (objects.size() >= limit) {
                        break;
                    }
                    Item item = result.get();
                    if (!item.isDir()) {
                        objects.add(new ObjectSummary(item.objectName(), item.size(), item.etag()));
                    }
                }
                return objects;
            } catch (Exception e) {
                throw failure("list bucket " + bucket, e);
            }
        });
    }

    /**
     * Opens an object for reading; the caller streams it and must close the stream. Failures to open become a
     * {@link StorageException}; failures while reading surface as {@link java.io.IOException} from the stream.
     */
    /** An object's metadata as the store keeps it: its Content-Type (null when none) and last modification. */
    public record StoredObject(String contentType, java.time.Instant lastModified) {}

    /** The object's Content-Type and last modification, from the store. */
    public StoredObject stat(String bucket, String key) {
        return metrics.time("stat", () -> {
            try {
                var stat = minio.statObject(io.minio.StatObjectArgs.builder()
                        .bucket(bucket)
                        .object(key)
                        .build());
                String type = stat.contentType();
                return new StoredObject(
                        type == null || type.isBlank() ? null : type.strip(),
                        stat.lastModified() == null ? null : stat.lastModified().toInstant());
            } catch (Exception e) {
                throw failure("stat object " + key, e);
            }
        });
    }

    public InputStream open(String bucket, String key) {
        return metrics.time("open", () -> {
            try {
                return minio.getObject(
                        GetObjectArgs.builder().bucket(bucket).object(key).build());
            } catch (Exception e) {
                throw failure("read object " + key, e);
            }
        });
    }

    /**
     * Opens {@code length} bytes of an object from {@code offset} (a byte range read by the store, not a skip);
     * the caller streams and closes it, as with {@link #open(String, String)}.
     */
    public InputStream open(String bucket, String key, long offset, long length) {
        return metrics.time("open_range", () -> {
            try {
                return minio.getObject(GetObjectArgs.builder()
                        .bucket(bucket)
                        .object(key)
                        .offset(offset)
                        .length(length)
                        .build());
            } catch (Exception e) {
                throw failure("read object " + key, e);
            }
        });
    }

    public void put(String bucket, String key, byte[] content, String contentType) {
        metrics.time("put", () -> {
            try {
                minio.putObject(PutObjectArgs.builder().bucket(bucket).object(key).stream(
                                new ByteArrayInputStream(content), content.length, -1)
                        .contentType(contentType)
                        .build());
            } catch (Exception e) {
                throw failure("store object " + key, e);
            }
            return null;
        });
    }

    /** Copies an object within the store (no bytes pass through LabGate); objects up to 5 GiB. */
    public void copy(String fromBucket, String fromKey, String toBucket, String toKey) {
        metrics.time("copy", () -> {
            try {
                minio.copyObject(io.minio.CopyObjectArgs.builder()
                        .bucket(toBucket)
                        .object(toKey)
                        .source(io.minio.CopySource.builder()
                                .bucket(fromBucket)
                                .object(fromKey)
                                .build())
                        .build());
            } catch (Exception e) {
                throw failure("copy object " + fromKey, e);
            }
            return null;
        });
    }

    /** Removes an object; removing one that is not there is no failure (S3 semantics). */
    public void remove(String bucket, String key) {
        metrics.time("remove", () -> {
            try {
                minio.removeObject(io.minio.RemoveObjectArgs.builder()
                        .bucket(bucket)
                        .object(key)
                        .build());
            } catch (Exception e) {
                throw failure("remove object " + key, e);
            }
            return null;
        });
    }

    /** True when the store answers at all; used by the readiness check. */
    public boolean reachable() {
        return metrics.probe("list_buckets", () -> {
            try {
                minio.listBuckets();
                return true;
            } catch (Exception e) {
                LOG.debugf("object store not reachable: %s", e.toString());
                return false;
            }
        });
    }

    private static StorageException failure(String operation, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        LOG.warnf("object store could not %s: %s", operation, e.toString());
        return new StorageException(operation, e);
    }
}
