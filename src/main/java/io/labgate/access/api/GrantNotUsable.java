package io.labgate.access.api;

import io.labgate.platform.error.ApiException;
import io.labgate.platform.error.ErrorCode;
import io.labgate.platform.error.ProblemCode;

/**
 * A grant that may not be used now (403): not ACTIVE, outside its period, the mode not granted, or its organization
 * not ACTIVE. The detail says which.
 */
public class GrantNotUsable extends ApiException {

    /** The problem code of this refusal. */
    public enum Code implements ProblemCode {
        GRANT_NOT_USABLE;

        @Override
        public ErrorCode error() {
            return ErrorCode.FORBIDDEN;
        }
    }

    public GrantNotUsable(String detail) {
        super(Code.GRANT_NOT_USABLE, detail);
    }
}
