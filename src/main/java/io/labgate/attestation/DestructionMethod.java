package io.labgate.attestation;

/** How the copies were destroyed; {@code methodDetail} of a submission says more in the company's words. */
public enum DestructionMethod {
    /** Files deleted from the file system or object store. */
    DELETED,
    /** Storage overwritten (for example with random data) before release. */
    OVERWRITTEN,
    /** The encryption keys of encrypted storage destroyed. */
    CRYPTO_ERASED,
    /** The storage media physically destroyed. */
    MEDIA_DESTROYED
}
