package io.labgate.catalogue.api;

import java.util.UUID;

/**
 * Fired (synchronously, inside the retiring transaction) when a published dataset version is retired. The access
 * workflow observes it to end the grants on that version; observe with {@code TransactionPhase.AFTER_SUCCESS} to
 * act only once the retirement is committed.
 */
public record DatasetVersionRetired(UUID versionId, String reason) {}
