package io.labgate.usage.api;

import java.util.UUID;

/**
 * A transfer whose TRANSFER_STARTED event is committed: {@link UsageLog#complete} records how it ended. If the
 * replica dies first, another one settles it as INTERRUPTED with the reserved bytes.
 *
 * @param id the id of the TRANSFER_STARTED event
 * @param reservedBytes the most bytes the transfer may send
 */
public record OpenTransfer(UUID id, long reservedBytes) {}
