package io.labgate.platform.crypto;

import java.util.List;
import java.util.UUID;

/**
 * What one rewrap run did. Never carries a secret.
 *
 * @param activeVersion the version the secrets were re-encrypted under
 * @param accessKeysRewrapped access-key secrets moved to the active version by this run
 * @param webhooksRewrapped webhook signing secrets moved to the active version by this run
 * @param failed secrets this run could not open (version not configured, or wrong key or tampered bytes)
 * @param failures the first of those, by row id
 * @param status the state after the run; {@code notOnActiveVersion} also counts rows that were locked by another
 *     transaction (skipped, not waited for) and rows sealed meanwhile by a replica with an older active version
 */
public record RewrapResult(
        int activeVersion,
        long accessKeysRewrapped,
        long webhooksRewrapped,
        long failed,
        List<Failure> failures,
        KeyEncryptionStatus status) {

    /** A secret that did not open: which row, under which version, and why (never the bytes). */
    public record Failure(String kind, UUID id, int keyVersion, String reason) {}
}
