package io.labgate.gateway.sigv4;

import java.util.Optional;

/**
 * Finds the secret access key of an access key id. Asked on every request, so a revoked or expired key stops
 * verifying at once; empty when the key is unknown or no longer valid.
 */
@FunctionalInterface
public interface SecretLookup {

    Optional<String> secretFor(String accessKeyId);
}
