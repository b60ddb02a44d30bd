package io.labgate.access.request;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of an access request: SUBMITTED → AWAITING_CONSENT → UNDER_REVIEW → APPROVED / REJECTED, and
 * WITHDRAWN by the AI company before a decision. APPROVED, REJECTED and WITHDRAWN are final.
 */
public enum RequestStatus {
    SUBMITTED,
    AWAITING_CONSENT,
    UNDER_REVIEW,
    APPROVED,
    REJECTED,
    WITHDRAWN;

    /** The statuses this one may move to. */
    public Set<RequestStatus> next() {
        return switch (this) {
            case SUBMITTED -> EnumSet.of(AWAITING_CONSENT, UNDER_REVIEW, REJECTED, WITHDRAWN);
            case AWAITING_CONSENT -> EnumSet.of(UNDER_REVIEW, REJECTED, WITHDRAWN);
            case UNDER_REVIEW -> EnumSet.of(APPROVED, REJECTED, WITHDRAWN);
            case APPROVED, REJECTED, WITHDRAWN -> EnumSet.noneOf(RequestStatus.class);
        };
    }

    public boolean isFinal() {
        return next().isEmpty();
    }
}
