package io.labgate.storage;

import io.labgate.common.error.ApiException;
import io.labgate.common.error.ErrorCode;

/** The object store failed or could not be reached; clients see 502 without the store's details. */
public class StorageException extends ApiException {

    public StorageException(String operation, Throwable cause) {
        super(ErrorCode.STORAGE_UNAVAILABLE, "the object store could not " + operation, cause);
    }
}
