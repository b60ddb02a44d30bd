package io.labgate.platform.http;

import org.jboss.logging.MDC;

/**
 * The ids of the request being served. LabGate's own id is in the log context, the response's {@code X-Request-Id},
 * every problem and every usage event; the id a client offered in {@code X-Request-Id} is kept apart (log context,
 * {@code X-Client-Request-Id}, the events' {@code clientRequestId}), so no client chooses what the log calls a request.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    /** The response header that echoes the id the client offered in {@link #HEADER}. */
    public static final String CLIENT_HEADER = "X-Client-Request-Id";

    public static final String CLIENT_MDC_KEY = "clientRequestId";

    private RequestIds() {}

    /** LabGate's own id of the request being served. */
    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }

    /** The id the client offered for the request being served, or null. */
    public static String currentClient() {
        Object id = MDC.get(CLIENT_MDC_KEY);
        return id == null ? null : id.toString();
    }
}
