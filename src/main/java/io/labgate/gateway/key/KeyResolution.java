package io.labgate.gateway.key;

import java.util.UUID;

/** What an access key id stands for, right now. */
public sealed interface KeyResolution {

    /** No such key, or it was revoked. */
    record Unknown() implements KeyResolution {}

    /** The key exists, but its grant cannot be used now (revoked, suspended, expired, not yet valid). */
    record GrantNotUsable(String accessKeyId, UUID grantId, UUID organizationId, String reason)
            implements KeyResolution {}

    /** The key may be used: its secret and what it grants. */
    record Usable(String accessKeyId, UUID grantId, UUID organizationId, UUID datasetVersionId, String secret)
            implements KeyResolution {

        @Override
        public String toString() {
            return "Usable[" + accessKeyId + ", grant " + grantId + "]"; // never the secret
        }
    }
}
