package io.labgate.gateway;

import io.labgate.gateway.sigv4.S3Error;
import io.labgate.gateway.sigv4.S3ErrorCode;
import io.labgate.gateway.sigv4.UriEncoding;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What an S3 request asks, from its method, raw path (below {@code /s3}) and raw query: one of the read
 * operations LabGate serves, or the S3 error it answers instead. Pure logic.
 */
public sealed interface S3Operation {

    /** Query parameters that sign a presigned URL, not part of any operation. */
    Set<String> AUTH_PARAMETERS = Set.of(
            "X-Amz-Algorithm",
            "X-Amz-Credential",
            "X-Amz-Date",
            "X-Amz-Expires",
            "X-Amz-SignedHeaders",
            "X-Amz-Signature",
            "X-Amz-Security-Token",
            "x-id",
            // Signature Version 2 presigned URLs
            "AWSAccessKeyId",
            "Expires",
            "Signature");

    record ListBuckets() implements S3Operation {}

    record HeadBucket(String bucket) implements S3Operation {}

    record GetBucketLocation(String bucket) implements S3Operation {}

    record ListObjectsV2(String bucket, Map<String, String> query) implements S3Operation {}

    /** ListObjects, version 1: what rclone, s3cmd and older SDKs ask by default. */
    record ListObjectsV1(String bucket, Map<String, String> query) implements S3Operation {}

    record HeadObject(String bucket, String key) implements S3Operation {}

    record GetObject(String bucket, String key) implements S3Operation {}

    /** Not served: the error to answer. */
    record Refused(S3Error error) implements S3Operation {}

    /** The bucket the operation names, or null. */
    default String bucket() {
        return null;
    }

    /**
     * @param path the raw path below the endpoint's mount point ({@code ""}, {@code "/"}, {@code "/bucket"},
     *     {@code "/bucket/some%20key"})
     */
    static S3Operation parse(String method, String path, String rawQuery) {
        Map<String, String> query;
        String bucket;
        String key;
        try {
            query = query(rawQuery);
            String rest = path.startsWith("/") ? path.substring(1) : path;
            int slash = rest.indexOf('/');
            bucket = UriEncoding.decodePath(slash < 0 ? rest : rest.substring(0, slash));
            key = slash < 0 ? "" : UriEncoding.decodePath(rest.substring(slash + 1));
        } catch (IllegalArgumentException e) {
            return refused(S3ErrorCode.InvalidURI, "Couldn't parse the specified URI.");
        }
        boolean read = method.equals("GET") || method.equals("HEAD");
        if (!read) {
            if (Set.of("PUT", "POST", "DELETE", "PATCH").contains(method)) {
                return refused(S3ErrorCode.AccessDenied, "Access Denied: LabGate's S3 endpoint is read-only");
            }
            return refused(
                    S3ErrorCode.MethodNotAllowed, "The specified method is not allowed against this " + "resource.");
        }
        boolean head = method.equals("HEAD");
        if (bucket.isEmpty()) {
            if (head || !query.isEmpty()) {
                return refused(
                        S3ErrorCode.MethodNotAllowed,
                        "The specified method is not allowed against this " + "resource.");
            }
            return new ListBuckets();
        }
        if (key.isEmpty()) {
            if (head) {
                return new HeadBucket(bucket);
            }
            if (query.containsKey("location") && query.size() == 1) {
                return new GetBucketLocation(bucket);
            }
            if ("2".equals(query.get("list-type"))
                    && Set.of(
                                    "list-type",
                                    "prefix",
                                    "delimiter",
                                    "max-keys",
                                    "continuation-token",
                                    "start-after",
                                    "encoding-type",
                                    "fetch-owner")
                            .containsAll(query.keySet())) {
                return new ListObjectsV2(bucket, query);
            }
            if (!query.containsKey("list-type")
                    && Set.of("prefix", "delimiter", "marker", "max-keys", "encoding-type")
                            .containsAll(query.keySet())) {
                return new ListObjectsV1(bucket, query);
            }
            return refused(
                    S3ErrorCode.NotImplemented,
                    "LabGate's S3 endpoint serves ListObjects (v1 and v2), HeadBucket and "
                            + "GetBucketLocation on a bucket; not this request.");
        }
        for (String name : query.keySet()) {
            if (!name.startsWith("response-") && !name.equals("partNumber")) {
                return refused(
                        S3ErrorCode.NotImplemented,
                        "LabGate's S3 endpoint serves GetObject and HeadObject " + "on an object; not ?" + name + ".");
            }
        }
        return head ? new HeadObject(bucket, key) : new GetObject(bucket, key);
    }

    private static Refused refused(S3ErrorCode code, String message) {
        return new Refused(new S3Error(code, message));
    }

    /** Decoded query parameters, first value each, without the presigned-URL ones. */
    static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = UriEncoding.decodeQueryComponent(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : UriEncoding.decodeQueryComponent(pair.substring(eq + 1));
            if (!AUTH_PARAMETERS.contains(name)) {
                query.putIfAbsent(name, value);
            }
        }
        return query;
    }
}
