package io.labgate.gateway.key;

import io.labgate.platform.crypto.SealedSecretStore;
import jakarta.enterprise.context.ApplicationScoped;

/** The sealed secrets of the access keys, for the rewrap: sealed with the access key id as associated data. */
@ApplicationScoped
class AccessKeySecrets implements SealedSecretStore {

    @Override
    public String kind() {
        return ACCESS_KEY;
    }

    @Override
    public String table() {
        return "access_key";
    }

    @Override
    public String aadColumn() {
        return "access_key_id";
    }

    @Override
    public String aad(Object accessKeyId) {
        return (String) accessKeyId;
    }

    @Override
    public boolean versioned() {
        return false;
    }
}
