package io.labgate.platform.idempotency;

import jakarta.ws.rs.core.EntityTag;
import java.net.URI;

/**
 * What a creation answered: enough to answer a retry with the same status, location and body. The ETag goes
 * to the first answer only, since the resource may have changed by the time of a retry.
 */
public record IdempotentResult(int status, URI location, Object body, EntityTag etag) {}
