package io.labgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.labgate.delivery.api.DeliveryRefused;
import io.labgate.delivery.api.DeliveryRefused.Reason;
import io.labgate.gateway.sigv4.S3ErrorCode;
import org.junit.jupiter.api.Test;

/** How ObjectDelivery's refusals answer on the S3 endpoint. */
class S3RefusalMappingTest {

    private static S3Refusal map(DeliveryRefused refused) {
        return S3Refusal.of(refused);
    }

    @Test
    void policyRefusalsAreAccessDenied() {
        for (Reason reason : new Reason[] {
            Reason.NETWORK_NOT_ALLOWED, Reason.MODE_NOT_ALLOWED, Reason.QUOTA_EXCEEDED, Reason.NO_SUCH_GRANT
        }) {
            S3Refusal refusal = map(new DeliveryRefused(reason, "because"));
            assertThat(refusal.error.code()).as(reason.name()).isEqualTo(S3ErrorCode.AccessDenied);
            assertThat(refusal.error.httpStatus()).isEqualTo(403);
            assertThat(refusal.logged).isTrue();
        }
    }

    @Test
    void aGrantThatMayNotBeUsedNowMakesItsKeyUnknown() {
        S3Refusal refusal = map(new DeliveryRefused(Reason.GRANT_NOT_USABLE, "revoked"));
        assertThat(refusal.error.code()).isEqualTo(S3ErrorCode.InvalidAccessKeyId);
        assertThat(refusal.error.httpStatus()).isEqualTo(403);
        assertThat(refusal.logged).isTrue();
    }

    @Test
    void rateAndStreamLimitsAreSlowDownWithRetryAfter() {
        S3Refusal rate = map(DeliveryRefused.retryLater(Reason.RATE_LIMITED, "too fast", 3));
        assertThat(rate.error.code()).isEqualTo(S3ErrorCode.SlowDown);
        assertThat(rate.error.httpStatus()).isEqualTo(503);
        assertThat(rate.headers).containsEntry("Retry-After", "3");
        assertThat(map(DeliveryRefused.retryLater(Reason.TOO_MANY_STREAMS, "busy", 1))
                        .error
                        .code())
                .isEqualTo(S3ErrorCode.SlowDown);
    }

    @Test
    void missingKeysAndBadRangesAreNoSuchKeyAndInvalidRange() {
        assertThat(map(new DeliveryRefused(Reason.NO_SUCH_KEY, "k")).error.code())
                .isEqualTo(S3ErrorCode.NoSuchKey);
        S3Refusal range = map(DeliveryRefused.unsatisfiable("k", "bytes=500-", 100));
        assertThat(range.error.code()).isEqualTo(S3ErrorCode.InvalidRange);
        assertThat(range.error.httpStatus()).isEqualTo(416);
        assertThat(range.headers).containsEntry("Content-Range", "bytes */100");
    }
}
