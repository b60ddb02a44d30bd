package io.labgate.gateway;

import io.labgate.delivery.api.ObjectDelivery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * ListObjectsV2 over the granted version's manifest. ObjectDelivery logs each manifest page it reads as
 * OBJECT_LISTED: that is this request's usage event.
 */
@ApplicationScoped
class ListObjectsV2Handler implements S3OperationHandler<S3Operation.ListObjectsV2> {

    @Inject
    ObjectDelivery delivery;

    @Override
    public Class<S3Operation.ListObjectsV2> operation() {
        return S3Operation.ListObjectsV2.class;
    }

    @Override
    public void serve(S3Call call, S3Operation.ListObjectsV2 list, S3Target target, S3Exchange exchange) {
        answer(call, list, target, exchange, target.manifest(delivery));
    }

    /** The answer from this manifest (the unit test's own). */
    void answer(
            S3Call call,
            S3Operation.ListObjectsV2 list,
            S3Target target,
            S3Exchange exchange,
            ObjectListing.Source manifest) {
        ListObjectsParameters parameters = ListObjectsParameters.parse(list.query());
        ObjectListing.Query query =
                parameters.query(list.query().get("start-after"), list.query().get("continuation-token"));
        ObjectListing.Page page =
                ListObjectsParameters.page(manifest, query, "The continuation token provided is incorrect");
        String owner = "true".equals(list.query().get("fetch-owner")) ? target.owner() : null;
        String xml = S3Xml.listObjectsV2(target.bucket(), query, page, parameters.urlEncoding(), owner);
        exchange.respond(200, S3Answers.xmlHeaders(call), xml);
    }
}
