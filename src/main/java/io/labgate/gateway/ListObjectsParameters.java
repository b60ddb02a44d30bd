package io.labgate.gateway;

import io.labgate.gateway.sigv4.S3ErrorCode;
import java.util.List;
import java.util.Map;

/**
 * The parameters ListObjectsV2 and ListObjects (v1) share, checked as S3 checks them, and the walk both make over
 * the manifest. Pure logic.
 */
record ListObjectsParameters(String prefix, String delimiter, int maxKeys, boolean urlEncoding) {

    static ListObjectsParameters parse(Map<String, String> q) {
        for (String name : List.of("prefix", "delimiter", "start-after", "marker", "continuation-token")) {
            String value = q.get(name);
            if (value != null && value.indexOf('\0') >= 0) {
                throw new S3Refusal(S3ErrorCode.InvalidArgument, "The " + name + " must not contain NUL.");
            }
        }
        int maxKeys = ObjectListing.MAX_KEYS;
        if (q.containsKey("max-keys")) {
            try {
                maxKeys = Integer.parseInt(q.get("max-keys"));
            } catch (NumberFormatException e) {
                maxKeys = -1;
            }
            if (maxKeys < 0) {
                throw new S3Refusal(
                        S3ErrorCode.InvalidArgument, "Provided max-keys not an integer or within " + "integer range");
            }
        }
        String encoding = q.get("encoding-type");
        if (encoding != null && !encoding.equals("url")) {
            throw new S3Refusal(S3ErrorCode.InvalidArgument, "Invalid Encoding Method specified in Request");
        }
        return new ListObjectsParameters(q.get("prefix"), q.get("delimiter"), maxKeys, "url".equals(encoding));
    }

    /** The walk these parameters ask for from {@code startAfter} or, when given, the continuation token. */
    ObjectListing.Query query(String startAfter, String continuationToken) {
        return new ObjectListing.Query(
                prefix,
                delimiter,
                maxKeys,
                startAfter,
                continuationToken == null || continuationToken.isEmpty() ? null : continuationToken);
    }

    /** One page of the walk; a cursor that does not resume a listing of this prefix is {@code InvalidArgument}. */
    static ObjectListing.Page page(ObjectListing.Source manifest, ObjectListing.Query query, String incorrectCursor) {
        try {
            return ObjectListing.list(manifest, query);
        } catch (IllegalArgumentException e) {
            throw new S3Refusal(S3ErrorCode.InvalidArgument, incorrectCursor);
        }
    }
}
