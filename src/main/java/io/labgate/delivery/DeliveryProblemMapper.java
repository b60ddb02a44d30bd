package io.labgate.delivery;

import io.labgate.delivery.api.DeliveryRefused;
import io.labgate.platform.error.ProblemMapper;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Renders a {@link DeliveryRefused} like every other problem, plus the headers its status needs:
 * {@code Retry-After} on 429 and {@code Content-Range: bytes *}{@code /size} on 416.
 */
public class DeliveryProblemMapper {

    @ServerExceptionMapper
    public Response refused(DeliveryRefused e) {
        Response.ResponseBuilder response =
                Response.fromResponse(ProblemMapper.respond(e.reason(), e.getMessage(), List.of()));
        if (e.retryAfterSeconds() > 0) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        }
        if (e.objectSize() >= 0) {
            response.header("Content-Range", "bytes */" + e.objectSize());
        }
        return response.build();
    }
}
