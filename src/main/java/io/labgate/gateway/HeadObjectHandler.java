package io.labgate.gateway;

import io.labgate.delivery.api.ManifestObject;
import io.labgate.delivery.api.ObjectDelivery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/** HeadObject: the object's headers from the manifest, without a byte of the store. */
@ApplicationScoped
class HeadObjectHandler implements S3OperationHandler<S3Operation.HeadObject> {

    @Inject
    ObjectDelivery delivery;

    @Inject
    S3RequestLog log;

    @Override
    public Class<S3Operation.HeadObject> operation() {
        return S3Operation.HeadObject.class;
    }

    @Override
    public void serve(S3Call call, S3Operation.HeadObject head, S3Target target, S3Exchange exchange) {
        answer(call, target, delivery.stat(target.granted(), head.key()), exchange);
    }

    /** The answer about this object of the manifest, as ObjectDelivery found it. */
    void answer(S3Call call, S3Target target, ManifestObject object, S3Exchange exchange) {
        ObjectHeaders.requireWholePart(S3Operation.query(call.request().rawQuery()));
        if (ObjectHeaders.answeredNotModified(call, target, object, exchange, log, "HeadObject")) {
            return;
        }
        log.served(call, target, "HeadObject", object.key(), null);
        Map<String, String> headers = ObjectHeaders.of(call, target, object);
        headers.put("Content-Length", Long.toString(object.size()));
        exchange.respond(200, headers, null);
    }
}
