package io.labgate.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.labgate.access.grant.GrantStatus;
import io.labgate.access.request.RequestStatus;
import java.util.Arrays;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** The request state machine as a specification, without the application. */
class AccessRequestStatusTest {

    @Test
    void decidedRequestsNeverMoveAgain() {
        for (RequestStatus status :
                EnumSet.of(RequestStatus.APPROVED, RequestStatus.REJECTED, RequestStatus.WITHDRAWN)) {
            assertThat(status.isFinal()).as(status.name()).isTrue();
            assertThat(status.next()).as(status.name()).isEmpty();
        }
    }

    @Test
    void onlyARequestUnderReviewCanBeApproved() {
        assertThat(Arrays.stream(RequestStatus.values()).filter(s -> s.next().contains(RequestStatus.APPROVED)))
                .containsExactly(RequestStatus.UNDER_REVIEW);
    }

    @Test
    void everyUndecidedRequestCanBeWithdrawnOrRejected() {
        for (RequestStatus status :
                EnumSet.of(RequestStatus.SUBMITTED, RequestStatus.AWAITING_CONSENT, RequestStatus.UNDER_REVIEW)) {
            assertThat(status.next()).as(status.name()).contains(RequestStatus.WITHDRAWN, RequestStatus.REJECTED);
        }
    }

    @Test
    void requestsNeverMoveBackwards() {
        assertThat(RequestStatus.UNDER_REVIEW.next())
                .doesNotContain(RequestStatus.AWAITING_CONSENT, RequestStatus.SUBMITTED);
        assertThat(RequestStatus.AWAITING_CONSENT.next()).doesNotContain(RequestStatus.SUBMITTED);
    }

    @Test
    void onlyActiveAndSuspendedGrantsAreLive() {
        assertThat(Arrays.stream(GrantStatus.values()).filter(GrantStatus::isLive))
                .containsExactly(GrantStatus.ACTIVE, GrantStatus.SUSPENDED);
    }
}
