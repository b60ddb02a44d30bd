package io.labgate.delivery.api;

/**
 * Whether the credential a request was authorized with still holds. A running transfer asks it whenever it
 * checks its grant again, so that revoking an S3 access key stops the downloads made with it, not only new ones.
 */
@FunctionalInterface
public interface CredentialCheck {

    /** A credential LabGate cannot revoke during a request (a bearer token lives until it expires). */
    CredentialCheck NOT_REVOCABLE = () -> true;

    /** True while the credential may still be used. Blocks (JDBC). */
    boolean stillValid();
}
