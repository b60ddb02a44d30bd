package io.labgate.platform.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Gives every request LabGate's own id, a new UUID, in the response's {@code X-Request-Id} and the log context. The
 * caller's {@code X-Request-Id}, when it is a sane token, is kept apart so that a client can correlate: echoed in
 * {@code X-Client-Request-Id}, in the log context and in usage events as {@code clientRequestId}; a client never
 * chooses LabGate's id (security review L6).
 */
public class RequestIdFilter {

    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

    @ServerRequestFilter(preMatching = true)
    public void assign(ContainerRequestContext request) {
        String id = UUID.randomUUID().toString();
        request.setProperty(RequestIds.MDC_KEY, id);
        MDC.put(RequestIds.MDC_KEY, id);
        String offered = request.getHeaderString(RequestIds.HEADER);
        if (offered != null && ACCEPTED.matcher(offered).matches()) {
            request.setProperty(RequestIds.CLIENT_MDC_KEY, offered);
            MDC.put(RequestIds.CLIENT_MDC_KEY, offered);
        } else {
            MDC.remove(RequestIds.CLIENT_MDC_KEY);
        }
    }

    @ServerResponseFilter
    public void echo(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(RequestIds.MDC_KEY);
        if (id != null) {
            response.getHeaders().putSingle(RequestIds.HEADER, id);
        }
        Object clientId = request.getProperty(RequestIds.CLIENT_MDC_KEY);
        if (clientId != null) {
            response.getHeaders().putSingle(RequestIds.CLIENT_HEADER, clientId);
        }
    }
}
