package io.labgate.gateway.key;

import java.util.UUID;

/** What an access key id stands for, right now. */
public sealed interface KeyResolution {

    /** No such key, or it was revoked. */
    record Unknown() implements KeyResolution {}

    /**
     * The key exists and is not revoked: its secret and the grant it opens. Whether that grant may be used now is
     * decided by the data path on the same request (ObjectDelivery), after the signature verified.
     */
    record Usable(String accessKeyId, UUID grantId, UUID organizationId, String secret) implements KeyResolution {

        @Override
        public String toString() {
            return "Usable[" + accessKeyId + ", grant " + grantId + "]"; // never the secret
        }
    }
}
