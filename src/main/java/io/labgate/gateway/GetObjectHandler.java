package io.labgate.gateway;

import io.labgate.delivery.api.ByteRange;
import io.labgate.delivery.api.ManifestObject;
import io.labgate.delivery.api.ObjectDelivery;
import io.labgate.delivery.api.Transfer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * GetObject, whole or one byte range, streamed through ObjectDelivery: it writes the transfer ahead and logs the
 * bytes sent as this request's usage event ({@link ObjectDelivery#S3_GET_OBJECT}).
 */
@ApplicationScoped
class GetObjectHandler implements S3OperationHandler<S3Operation.GetObject> {

    private static final Logger LOG = Logger.getLogger(GetObjectHandler.class);

    @Inject
    ObjectDelivery delivery;

    @Inject
    S3RequestLog log;

    @Override
    public Class<S3Operation.GetObject> operation() {
        return S3Operation.GetObject.class;
    }

    @Override
    public void serve(S3Call call, S3Operation.GetObject get, S3Target target, S3Exchange exchange) {
        ManifestObject object = delivery.stat(target.granted(), get.key());
        Map<String, String> query = S3Operation.query(call.request().rawQuery());
        ObjectHeaders.requireWholePart(query);
        if (ObjectHeaders.answeredNotModified(call, target, object, exchange, log, "GetObject")) {
            return;
        }
        ByteRange range = range(call, target, object);
        // the overrides are checked before the transfer is written ahead: a refused one costs no byte
        Map<String, String> overridden = ObjectHeaders.overrides(query);
        try (Transfer transfer = delivery.prepare(
                target.granted(), object, range, target.granted().context())) {
            ByteRange.Slice slice = transfer.slice();
            OutputStream out =
                    exchange.stream(slice.partial() ? 206 : 200, headers(call, target, object, slice, overridden));
            try {
                transfer.writeTo(out);
                out.close();
            } catch (IOException | RuntimeException e) {
                // the answer has begun: the client sees a cut connection, the usage log the bytes sent
                LOG.debugf("S3 GetObject %s of %s ended early: %s", call.requestId(), object.key(), e.toString());
                exchange.abort();
            }
        }
    }

    /** The Range asked for, unless If-Range says the object changed since: then the whole object. */
    static ByteRange range(S3Call call, S3Target target, ManifestObject object) {
        boolean rangeApplies = S3Preconditions.rangeApplies(
                call.request().singleHeader("If-Range").orElse(null), object.etag(), target.lastModified(object));
        return ByteRange.parse(
                rangeApplies ? call.request().singleHeader("Range").orElse(null) : null);
    }

    /** The object's headers for the bytes of this slice, with the response-* overrides last. */
    static Map<String, String> headers(
            S3Call call,
            S3Target target,
            ManifestObject object,
            ByteRange.Slice slice,
            Map<String, String> overridden) {
        Map<String, String> headers = ObjectHeaders.of(call, target, object);
        headers.put("Content-Length", Long.toString(slice.length()));
        if (slice.partial()) {
            headers.put("Content-Range", slice.contentRange());
            // the checksum is the whole object's: a client would check the range against it (aws-cli does)
            headers.remove("x-amz-checksum-sha256");
        }
        headers.putAll(overridden);
        return headers;
    }
}
