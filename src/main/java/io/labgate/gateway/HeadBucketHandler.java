package io.labgate.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** HeadBucket: the bucket exists and the key reads it (S3Gateway checked the name). */
@ApplicationScoped
class HeadBucketHandler implements S3OperationHandler<S3Operation.HeadBucket> {

    @Inject
    S3RequestLog log;

    @Override
    public Class<S3Operation.HeadBucket> operation() {
        return S3Operation.HeadBucket.class;
    }

    @Override
    public void serve(S3Call call, S3Operation.HeadBucket operation, S3Target target, S3Exchange exchange) {
        log.served(call, target, "HeadBucket", null, null);
        exchange.respond(200, S3Answers.headers(call), null);
    }
}
