package io.labgate.usage.api;

import io.labgate.platform.error.ApiException;
import io.labgate.platform.error.ErrorCode;

/**
 * An event could not be committed to the usage log. The access it describes must not be answered: the client
 * gets 503 and may retry.
 */
public class UsageLogException extends ApiException {

    public UsageLogException(String detail, Throwable cause) {
        super(ErrorCode.SERVICE_UNAVAILABLE, detail, cause);
    }
}
