package io.labgate.platform.storage;

import io.labgate.platform.error.ApiException;
import io.labgate.platform.error.ErrorCode;

/** The object store failed or could not be reached; clients see 502 without the store's details. */
public class StorageException extends ApiException {

    public StorageException(String operation, Throwable cause) {
        super(ErrorCode.STORAGE_UNAVAILABLE, "the object store could not " + operation, cause);
    }
}
