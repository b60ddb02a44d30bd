package io.labgate.gateway;

import java.util.HashMap;
import java.util.Map;

/**
 * Serves one kind of {@link S3Operation} for a request whose signature verified and whose grant is authorized, on
 * the bucket of that grant. A handler answers through the exchange, or throws an {@link S3Refusal} (or an
 * ObjectDelivery refusal) for S3Gateway to answer.
 */
interface S3OperationHandler<O extends S3Operation> {

    /** The operation this handler serves: S3Gateway dispatches on it. */
    Class<O> operation();

    void serve(S3Call call, O operation, S3Target target, S3Exchange exchange);

    /**
     * The handler of each operation, for S3Gateway to dispatch on. An operation without exactly one handler
     * (Refused aside: it is answered as its error) makes S3Gateway fail to start on its first request, rather than
     * leave one operation unserved.
     */
    static Map<Class<?>, S3OperationHandler<?>> byOperation(Iterable<? extends S3OperationHandler<?>> all) {
        Map<Class<?>, S3OperationHandler<?>> handlers = new HashMap<>();
        for (S3OperationHandler<?> handler : all) {
            if (handlers.put(handler.operation(), handler) != null) {
                throw new IllegalStateException(
                        "two handlers of " + handler.operation().getSimpleName());
            }
        }
        for (Class<?> operation : S3Operation.class.getPermittedSubclasses()) {
            if (operation != S3Operation.Refused.class && !handlers.containsKey(operation)) {
                throw new IllegalStateException("no handler of " + operation.getSimpleName());
            }
        }
        return Map.copyOf(handlers);
    }
}
