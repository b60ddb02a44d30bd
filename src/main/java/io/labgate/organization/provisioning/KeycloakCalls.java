package io.labgate.organization.provisioning;

import io.labgate.platform.error.ApiException;
import io.labgate.platform.error.ErrorCode;
import io.labgate.platform.http.RequestIds;
import jakarta.ws.rs.WebApplicationException;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs calls to Keycloak and turns their failures into problems that say what happened to the caller's request
 * and nothing about Keycloak: 503 when Keycloak cannot be reached (or does not answer in time), 502 for anything
 * else it refuses. The cause (status and Keycloak's error text, never a secret) goes to the log at error, with
 * the request id, so that operators can find it.
 */
final class KeycloakCalls {

    private static final Logger LOG = Logger.getLogger(KeycloakCalls.class);
    private static final int MAX_LOGGED_BODY = 300;

    private KeycloakCalls() {}

    /**
     * @param action what LabGate was doing, for the log ("provision organization …")
     * @param consequence what it means for the client, for the problem detail ("the organization was not
     *     changed")
     */
    static <T> T run(String action, String consequence, Supplier<T> call) {
        try {
            return call.get();
        } catch (ApiException e) {
            throw e;
        } catch (RuntimeException e) {
            throw translate(action, consequence, e);
        }
    }

    static ApiException translate(String action, String consequence, RuntimeException failure) {
        if (unreachable(failure)) {
            LOG.errorf(
                    "Keycloak could not be reached to %s (request %s): %s",
                    action, RequestIds.current(), rootMessage(failure));
            return new ApiException(
                    ErrorCode.SERVICE_UNAVAILABLE,
                    "the identity provider cannot be reached; " + consequence + ". Retry later");
        }
        if (failure instanceof WebApplicationException web && web.getResponse() != null) {
            LOG.errorf(
                    "Keycloak answered %d to %s (request %s): %s",
                    web.getResponse().getStatus(), action, RequestIds.current(), body(web));
        } else {
            LOG.errorf(failure, "Keycloak provisioning failed to %s (request %s)", action, RequestIds.current());
        }
        return new ApiException(
                ErrorCode.IDENTITY_PROVIDER_FAILED,
                "the identity provider refused the change; " + consequence + ". Quote the request id to the operators");
    }

    /** Transport failures: refused or reset connections, unknown hosts, timeouts (not unreadable answers). */
    static boolean unreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof com.fasterxml.jackson.core.JacksonException) {
                return false;
            }
            if (t instanceof IOException
                    || t instanceof TimeoutException
                    || t instanceof io.vertx.core.VertxException
                            && t.getMessage() != null
                            && t.getMessage().toLowerCase(java.util.Locale.ROOT).contains("timeout")) {
                return true;
            }
        }
        return false;
    }

    private static String body(WebApplicationException web) {
        try {
            String body = web.getResponse().readEntity(String.class);
            if (body == null || body.isBlank()) {
                return "(no body)";
            }
            return body.length() > MAX_LOGGED_BODY ? body.substring(0, MAX_LOGGED_BODY) + "…" : body;
        } catch (RuntimeException unreadable) {
            return "(body not readable)";
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
