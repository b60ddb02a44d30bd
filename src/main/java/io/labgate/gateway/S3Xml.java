package io.labgate.gateway;

import io.labgate.gateway.sigv4.S3ErrorXml;
import io.labgate.gateway.sigv4.UriEncoding;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The XML bodies of the S3 operations LabGate answers, in the S3 namespace. */
public final class S3Xml {

    public static final String NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";
    public static final String CONTENT_TYPE = "application/xml";
    private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    private S3Xml() {}

    /** A bucket of ListBuckets. */
    public record Bucket(String name, Instant creationDate) {}

    public static String listBuckets(String ownerId, List<Bucket> buckets) {
        StringBuilder xml = new StringBuilder(512)
                .append(DECLARATION)
                .append("<ListAllMyBucketsResult xmlns=\"")
                .append(NAMESPACE)
                .append("\">");
        xml.append("<Owner>");
        element(xml, "ID", ownerId);
        element(xml, "DisplayName", ownerId);
        xml.append("</Owner><Buckets>");
        for (Bucket bucket : buckets) {
            xml.append("<Bucket>");
            element(xml, "Name", bucket.name());
            element(xml, "CreationDate", timestamp(bucket.creationDate()));
            xml.append("</Bucket>");
        }
        return xml.append("</Buckets></ListAllMyBucketsResult>").toString();
    }

    /**
     * ListObjectsV2's answer. With {@code urlEncoding} (the request's {@code encoding-type=url}), keys, prefixes,
     * the delimiter and start-after are URL-encoded as S3 does.
     */
    /**
     * ListObjectsV2; each object's {@code Owner} (the bucket's: the key's organization) when {@code ownerId} is given,
     * as {@code fetch-owner=true} asks.
     */
    public static String listObjectsV2(
            String bucket, ObjectListing.Query query, ObjectListing.Page page, boolean urlEncoding, String ownerId) {
        StringBuilder xml = new StringBuilder(1024)
                .append(DECLARATION)
                .append("<ListBucketResult xmlns=\"")
                .append(NAMESPACE)
                .append("\">");
        element(xml, "Name", bucket);
        element(xml, "Prefix", encoded(query.prefix(), urlEncoding));
        if (query.delimiter() != null) {
            element(xml, "Delimiter", encoded(query.delimiter(), urlEncoding));
        }
        element(xml, "MaxKeys", Integer.toString(query.maxKeys()));
        element(xml, "KeyCount", Integer.toString(page.keyCount()));
        element(xml, "IsTruncated", Boolean.toString(page.truncated()));
        if (query.continuationToken() != null) {
            element(xml, "ContinuationToken", query.continuationToken());
        }
        if (page.nextContinuationToken() != null) {
            element(xml, "NextContinuationToken", page.nextContinuationToken());
        }
        if (query.startAfter() != null) {
            element(xml, "StartAfter", encoded(query.startAfter(), urlEncoding));
        }
        if (urlEncoding) {
            element(xml, "EncodingType", "url");
        }
        contents(xml, page, urlEncoding, ownerId);
        return xml.append("</ListBucketResult>").toString();
    }

    private static void contents(StringBuilder xml, ObjectListing.Page page, boolean urlEncoding, String ownerId) {
        for (ListedObject object : page.contents()) {
            xml.append("<Contents>");
            element(xml, "Key", encoded(object.key(), urlEncoding));
            element(xml, "LastModified", timestamp(object.lastModified()));
            element(xml, "ETag", object.etag());
            element(xml, "Size", Long.toString(object.size()));
            if (ownerId != null) {
                xml.append("<Owner>");
                element(xml, "ID", ownerId);
                element(xml, "DisplayName", ownerId);
                xml.append("</Owner>");
            }
            element(xml, "StorageClass", "STANDARD");
            xml.append("</Contents>");
        }
        for (String prefix : page.commonPrefixes()) {
            xml.append("<CommonPrefixes>");
            element(xml, "Prefix", encoded(prefix, urlEncoding));
            xml.append("</CommonPrefixes>");
        }
    }

    /**
     * ListObjects (v1): {@code Marker} echoed, {@code NextMarker} (the last key or common prefix answered) whenever
     * the page is truncated, so that clients without a delimiter need not derive it.
     */
    public static String listObjectsV1(
            String bucket,
            ObjectListing.Query query,
            String marker,
            ObjectListing.Page page,
            boolean urlEncoding,
            String ownerId) {
        StringBuilder xml = new StringBuilder(1024)
                .append(DECLARATION)
                .append("<ListBucketResult xmlns=\"")
                .append(NAMESPACE)
                .append("\">");
        element(xml, "Name", bucket);
        element(xml, "Prefix", encoded(query.prefix(), urlEncoding));
        element(xml, "Marker", encoded(marker == null ? "" : marker, urlEncoding));
        if (query.delimiter() != null) {
            element(xml, "Delimiter", encoded(query.delimiter(), urlEncoding));
        }
        element(xml, "MaxKeys", Integer.toString(query.maxKeys()));
        element(xml, "IsTruncated", Boolean.toString(page.truncated()));
        if (page.truncated()) {
            element(xml, "NextMarker", encoded(page.lastEntry(), urlEncoding));
        }
        if (urlEncoding) {
            element(xml, "EncodingType", "url");
        }
        // ListObjects v1 always names each object's owner, as S3 does
        contents(xml, page, urlEncoding, ownerId);
        return xml.append("</ListBucketResult>").toString();
    }

    /** GetBucketLocation: empty for us-east-1, as S3 answers. */
    public static String location(String region) {
        StringBuilder xml = new StringBuilder(DECLARATION)
                .append("<LocationConstraint xmlns=\"")
                .append(NAMESPACE)
                .append("\">");
        if (!"us-east-1".equals(region)) {
            S3ErrorXml.escape(xml, region);
        }
        return xml.append("</LocationConstraint>").toString();
    }

    /** S3's ISO-8601 time with milliseconds. */
    public static String timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString().replaceFirst("(\\d\\d:\\d\\d:\\d\\d)Z$", "$1.000Z");
    }

    private static String encoded(String text, boolean urlEncoding) {
        return urlEncoding ? UriEncoding.encodePath(text) : text;
    }

    private static void element(StringBuilder xml, String name, String text) {
        xml.append('<').append(name).append('>');
        S3ErrorXml.escape(xml, text);
        xml.append("</").append(name).append('>');
    }
}
