package io.labgate.platform.crypto;

import java.util.List;

/**
 * Which key-encryption key versions seal the stored secrets (access-key secrets and webhook signing secrets).
 *
 * @param activeVersion the version new secrets are sealed under, and a rewrap moves old ones to
 * @param activeConfigured false when the active version has no key: nothing can be issued or rewrapped
 * @param configuredVersions the versions this replica has keys for
 * @param versions every version that is configured or used by a stored secret, ascending
 * @param notOnActiveVersion stored secrets that a rewrap would still re-encrypt
 * @param retirableVersions configured, not active, and no stored secret uses them: safe to remove
 * @param missingVersions used by stored secrets but not configured: those secrets cannot be opened here
 */
public record KeyEncryptionStatus(
        int activeVersion,
        boolean activeConfigured,
        List<Integer> configuredVersions,
        List<KeyVersionUsage> versions,
        long notOnActiveVersion,
        List<Integer> retirableVersions,
        List<Integer> missingVersions) {}
