package io.labgate.attestation.api;

import io.labgate.platform.error.ApiException;
import io.labgate.platform.error.ErrorCode;
import io.labgate.platform.error.ProblemCode;

/**
 * A new access request refused because the organization owes a destruction attestation past its due time (409:
 * the organization's state conflicts with the request, and the company itself can resolve it by attesting, then
 * retry; 403 stays for what a role or tenant may never do). The detail names the attestation and its grant.
 */
public class AttestationOverdue extends ApiException {

    /** The problem code of this refusal. */
    public enum Code implements ProblemCode {
        ATTESTATION_OVERDUE;

        @Override
        public ErrorCode error() {
            return ErrorCode.CONFLICT;
        }
    }

    public AttestationOverdue(String detail) {
        super(Code.ATTESTATION_OVERDUE, detail);
    }
}
