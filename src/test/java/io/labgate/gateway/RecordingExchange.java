package io.labgate.gateway;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.Map;

/** A test double of the answer side: keeps what a handler answered instead of sending it. */
final class RecordingExchange implements S3Exchange {

    int status;
    Map<String, String> headers;
    String body;
    final ByteArrayOutputStream streamed = new ByteArrayOutputStream();
    boolean aborted;

    @Override
    public void respond(int status, Map<String, String> headers, String body) {
        answer(status, headers);
        this.body = body;
    }

    @Override
    public OutputStream stream(int status, Map<String, String> headers) {
        answer(status, headers);
        return streamed;
    }

    private void answer(int status, Map<String, String> headers) {
        if (started()) {
            throw new IllegalStateException("answered twice");
        }
        this.status = status;
        this.headers = Map.copyOf(headers);
    }

    @Override
    public boolean started() {
        return status != 0;
    }

    @Override
    public void abort() {
        aborted = true;
    }
}
