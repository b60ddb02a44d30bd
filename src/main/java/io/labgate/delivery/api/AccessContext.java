package io.labgate.delivery.api;

import java.util.Objects;
import java.util.UUID;

/**
 * Who asks for data, from where and through which path: what every usage event of a data request records.
 *
 * @param subject the authenticated subject (token subject, or the access key id on the S3 endpoint)
 * @param organizationId the caller's organization
 * @param requestId LabGate's id of the request, echoed to the client; null means the current request's ({@code
 *     RequestIds})
 * @param clientRequestId the id the client offered for the request, kept apart from LabGate's; may be null
 * @param clientAddress the client address as text, as written to the usage log
 * @param path the access path
 * @param credential whether the caller's credential still holds, asked during transfers
 */
public record AccessContext(
        String subject,
        UUID organizationId,
        String requestId,
        String clientRequestId,
        String clientAddress,
        AccessPath path,
        CredentialCheck credential) {

    public AccessContext {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(credential, "credential");
    }

    /** A context whose credential cannot be revoked during the request (a bearer token). */
    public AccessContext(
            String subject,
            UUID organizationId,
            String requestId,
            String clientRequestId,
            String clientAddress,
            AccessPath path) {
        this(subject, organizationId, requestId, clientRequestId, clientAddress, path, CredentialCheck.NOT_REVOCABLE);
    }
}
