package io.labgate.export.api;

import io.labgate.platform.error.ApiException;
import io.labgate.platform.error.ErrorCode;
import io.labgate.platform.error.ProblemCode;

/** A step of the export workflow that may not be taken now, or not by this caller; the detail says why. */
public class ExportRefusal extends ApiException {

    public enum Code implements ProblemCode {
        /** Nothing under the prefix. */
        NOTHING_TO_EXPORT(ErrorCode.UNPROCESSABLE),
        /** Only exports in review take verdicts; only those with changes requested can be asked again. */
        EXPORT_NOT_IN_REVIEW(ErrorCode.CONFLICT),
        /** This reviewer already gave a verdict in this round. */
        ALREADY_REVIEWED(ErrorCode.CONFLICT),
        /** A reviewer may not belong to the requesting company. */
        REVIEWER_CONFLICT(ErrorCode.FORBIDDEN),
        /** The company downloads only an approved export, within its release window. */
        EXPORT_NOT_RELEASED(ErrorCode.FORBIDDEN),
        /** No ARCHIVE bucket is registered under the configured name: exports cannot be taken in. */
        NO_ARCHIVE_BUCKET(ErrorCode.CONFLICT);

        private final ErrorCode error;

        Code(ErrorCode error) {
            this.error = error;
        }

        @Override
        public ErrorCode error() {
            return error;
        }
    }

    public ExportRefusal(Code code, String detail) {
        super(code, detail);
    }
}
