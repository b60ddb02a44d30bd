package io.labgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every operation S3Operation.parse can return, Refused aside, has exactly one handler. */
class S3OperationHandlersTest {

    private static List<S3OperationHandler<?>> all() {
        return List.of(
                new ListBucketsHandler(),
                new HeadBucketHandler(),
                new GetBucketLocationHandler(),
                new ListObjectsV2Handler(),
                new ListObjectsV1Handler(),
                new HeadObjectHandler(),
                new GetObjectHandler());
    }

    @Test
    void everyOperationHasItsHandler() {
        assertThat(S3OperationHandler.byOperation(all()))
                .hasSize(S3Operation.class.getPermittedSubclasses().length - 1)
                .doesNotContainKey(S3Operation.Refused.class)
                .allSatisfy(
                        (operation, handler) -> assertThat(handler.operation()).isEqualTo(operation));
    }

    @Test
    void anOperationWithoutAHandlerFailsTheDispatcher() {
        List<S3OperationHandler<?>> handlers = new ArrayList<>(all());
        handlers.removeIf(handler -> handler instanceof GetObjectHandler);
        assertThatThrownBy(() -> S3OperationHandler.byOperation(handlers))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no handler of GetObject");
    }

    @Test
    void twoHandlersOfOneOperationFailTheStart() {
        List<S3OperationHandler<?>> handlers = new ArrayList<>(all());
        handlers.add(new HeadBucketHandler());
        assertThatThrownBy(() -> S3OperationHandler.byOperation(handlers))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("two handlers of HeadBucket");
    }
}
