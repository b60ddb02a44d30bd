package io.labgate.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** GetBucketLocation: the region clients sign for, so that they keep signing for it. */
@ApplicationScoped
class GetBucketLocationHandler implements S3OperationHandler<S3Operation.GetBucketLocation> {

    @Inject
    S3RequestLog log;

    @Inject
    GatewayConfig config;

    @Override
    public Class<S3Operation.GetBucketLocation> operation() {
        return S3Operation.GetBucketLocation.class;
    }

    @Override
    public void serve(S3Call call, S3Operation.GetBucketLocation operation, S3Target target, S3Exchange exchange) {
        log.served(call, target, "GetBucketLocation", null, null);
        exchange.respond(200, S3Answers.xmlHeaders(call), S3Xml.location(config.region()));
    }
}
