package io.labgate.gateway;

import java.io.OutputStream;
import java.util.Map;

/** The answer side of one S3 request, so the endpoint's logic does not depend on the HTTP server. */
public interface S3Exchange {

    /** Answers with a whole body (no body for HEAD). */
    void respond(int status, Map<String, String> headers, String body);

    /**
     * Starts an answer whose body is written to the stream; the caller closes it to end the answer. For HEAD the
     * stream discards what is written.
     */
    OutputStream stream(int status, Map<String, String> headers);

    /** Whether the answer has begun (status and headers sent): an error can then only abort the connection. */
    boolean started();

    /** Ends the connection at once: a streamed answer failed after it began. */
    void abort();
}
