package io.labgate.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** ListBuckets: the one bucket the key's grant reads, owned by the grant's organization. */
@ApplicationScoped
class ListBucketsHandler implements S3OperationHandler<S3Operation.ListBuckets> {

    @Inject
    S3RequestLog log;

    @Override
    public Class<S3Operation.ListBuckets> operation() {
        return S3Operation.ListBuckets.class;
    }

    @Override
    public void serve(S3Call call, S3Operation.ListBuckets operation, S3Target target, S3Exchange exchange) {
        String xml = S3Xml.listBuckets(
                target.owner(),
                List.of(new S3Xml.Bucket(target.bucket(), target.granted().publishedAt())));
        log.served(call, target, "ListBuckets", null, null);
        exchange.respond(200, S3Answers.xmlHeaders(call), xml);
    }
}
