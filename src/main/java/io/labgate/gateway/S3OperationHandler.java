package io.labgate.gateway;

/**
 * Serves one kind of {@link S3Operation} for a request whose signature verified and whose grant is authorized, on
 * the bucket of that grant. A handler answers through the exchange, or throws an {@link S3Refusal} (or an
 * ObjectDelivery refusal) for S3Gateway to answer.
 */
interface S3OperationHandler<O extends S3Operation> {

    /** The operation this handler serves: S3Gateway dispatches on it. */
    Class<O> operation();

    void serve(S3Call call, O operation, S3Target target, S3Exchange exchange);
}
