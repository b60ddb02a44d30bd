package io.labgate.gateway;

import io.labgate.delivery.api.ObjectDelivery;
import jakarta.inject.Inject;

/**
 * What ListObjectsV2 and ListObjects (v1) share: both walk the granted version's manifest through ObjectDelivery,
 * which logs each page it reads as OBJECT_LISTED; that is the request's usage event.
 */
abstract class ListObjectsHandler<O extends S3Operation> implements S3OperationHandler<O> {

    @Inject
    ObjectDelivery delivery;

    @Override
    public void serve(S3Call call, O list, S3Target target, S3Exchange exchange) {
        answer(call, list, target, exchange, target.manifest(delivery));
    }

    /** The answer from this manifest: the unit tests give their own. */
    abstract void answer(S3Call call, O list, S3Target target, S3Exchange exchange, ObjectListing.Source manifest);
}
