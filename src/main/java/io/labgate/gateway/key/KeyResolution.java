package io.labgate.gateway.key;

import java.util.UUID;

/** What an access key id stands for, right now. */
public sealed interface KeyResolution {

    /** No such key, or it was revoked. */
    record Unknown() implements KeyResolution {}

    /**
     * The key exists, but its grant cannot be used now (revoked, suspended, expired, not yet valid). Its secret is
     * there so that the signature can still be checked: only a verified request is attributed to the key's holder.
     */
    record GrantNotUsable(String accessKeyId, UUID grantId, UUID organizationId, String reason, String secret)
            implements KeyResolution {

        @Override
        public String toString() {
            return "GrantNotUsable[" + accessKeyId + ", grant " + grantId + ": " + reason + "]"; // never the secret
        }
    }

    /** The key may be used: its secret and what it grants. */
    record Usable(String accessKeyId, UUID grantId, UUID organizationId, UUID datasetVersionId, String secret)
            implements KeyResolution {

        @Override
        public String toString() {
            return "Usable[" + accessKeyId + ", grant " + grantId + "]"; // never the secret
        }
    }
}
