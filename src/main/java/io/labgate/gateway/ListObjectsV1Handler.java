package io.labgate.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * ListObjects (v1), what rclone, s3cmd and older SDKs ask by default: the walk of ListObjectsV2 with the marker as
 * its start-after.
 */
@ApplicationScoped
class ListObjectsV1Handler extends ListObjectsHandler<S3Operation.ListObjectsV1> {

    @Override
    public Class<S3Operation.ListObjectsV1> operation() {
        return S3Operation.ListObjectsV1.class;
    }

    @Override
    void answer(
            S3Call call,
            S3Operation.ListObjectsV1 list,
            S3Target target,
            S3Exchange exchange,
            ObjectListing.Source manifest) {
        Map<String, String> q = list.query();
        ListObjectsParameters parameters = ListObjectsParameters.parse(q);
        String marker = q.get("marker");
        String token = markerAsToken(marker, q.get("delimiter"));
        ObjectListing.Query query = parameters.query(token == null ? emptyToNull(marker) : null, token);
        ObjectListing.Page page = ListObjectsParameters.page(manifest, query, "The marker provided is incorrect");
        String xml =
                S3Xml.listObjectsV1(target.bucket(), query, marker, page, parameters.urlEncoding(), target.owner());
        exchange.respond(200, S3Answers.xmlHeaders(call), xml);
    }

    /**
     * A marker that is a common prefix (it ends with the delimiter) resumes after every key under it, as a v2
     * token does; any other marker is a plain start-after.
     */
    private static String markerAsToken(String marker, String delimiter) {
        if (marker == null || marker.isEmpty() || delimiter == null || delimiter.isEmpty()) {
            return null;
        }
        return marker.endsWith(delimiter) ? new ObjectListing.Token(true, marker).encode() : null;
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
