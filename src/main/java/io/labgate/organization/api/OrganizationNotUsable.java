package io.labgate.organization.api;

import io.labgate.platform.error.ApiException;
import io.labgate.platform.error.ErrorCode;
import io.labgate.platform.error.ProblemCode;

/** An organization that cannot take part in what was asked: unknown, of another kind, or not ACTIVE (422). */
public class OrganizationNotUsable extends ApiException {

    /** The problem code of this refusal. */
    public enum Code implements ProblemCode {
        ORGANIZATION_NOT_USABLE;

        @Override
        public ErrorCode error() {
            return ErrorCode.UNPROCESSABLE;
        }
    }

    public OrganizationNotUsable(String detail) {
        super(Code.ORGANIZATION_NOT_USABLE, detail);
    }
}
