package io.labgate.usage.api;

import java.util.UUID;

/**
 * A transfer's bytes did not fit its grant's quota: its TRANSFER_STARTED was not written ({@link UsageLog#begin})
 * and no byte may leave.
 */
public class QuotaNotReserved extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public QuotaNotReserved(UUID grantId, long bytes) {
        super(bytes + " bytes do not fit the quota of grant " + grantId, null, false, false);
    }
}
