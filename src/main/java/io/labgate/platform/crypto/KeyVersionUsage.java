package io.labgate.platform.crypto;

/**
 * One key-encryption key version: whether it is configured and active, and how many stored secrets are sealed
 * under it.
 */
public record KeyVersionUsage(int version, boolean configured, boolean active, long accessKeys, long webhooks) {

    public long secrets() {
        return accessKeys + webhooks;
    }
}
