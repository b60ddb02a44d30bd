package io.labgate.catalogue.api;

import io.labgate.platform.error.ApiException;
import io.labgate.platform.error.ErrorCode;
import io.labgate.platform.error.ProblemCode;

/**
 * A dataset version that cannot be granted (422): unknown, not PUBLISHED, without a verified de-identification
 * attestation, or not in a PROCESSED bucket. The detail says which.
 */
public class NotGrantable extends ApiException {

    /** The problem code of this refusal. */
    public enum Code implements ProblemCode {
        VERSION_NOT_GRANTABLE;

        @Override
        public ErrorCode error() {
            return ErrorCode.UNPROCESSABLE;
        }
    }

    public NotGrantable(String detail) {
        super(Code.VERSION_NOT_GRANTABLE, detail);
    }
}
