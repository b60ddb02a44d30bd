package io.labgate.gateway.sigv4;

import java.util.Objects;

/**
 * An S3 error: the code and the human message S3 would give. Messages never carry secrets; they may name the
 * access key id, the region or a parameter, as S3's own messages do.
 */
public record S3Error(S3ErrorCode code, String message) {

    public S3Error {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    public int httpStatus() {
        return code.httpStatus();
    }
}
