package io.labgate.gateway;

import io.labgate.delivery.api.ObjectDelivery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * ListObjects (v1), what rclone, s3cmd and older SDKs ask by default: the walk of ListObjectsV2 with the marker as
 * its start-after. ObjectDelivery logs each manifest page it reads as OBJECT_LISTED: that is this request's usage
 * event.
 */
@ApplicationScoped
class ListObjectsV1Handler implements S3OperationHandler<S3Operation.ListObjectsV1> {

    @Inject
    ObjectDelivery delivery;

    @Override
    public Class<S3Operation.ListObjectsV1> operation() {
        return S3Operation.ListObjectsV1.class;
    }

    @Override
    public void serve(S3Call call, S3Operation.ListObjectsV1 list, S3Target target, S3Exchange exchange) {
        answer(call, list, target, exchange, target.manifest(delivery));
    }

    /** The answer from this manifest (the unit test's own). */
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
