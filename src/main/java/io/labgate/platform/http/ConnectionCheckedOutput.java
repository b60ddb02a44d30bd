package io.labgate.platform.http;

import io.vertx.core.http.HttpServerResponse;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A response body stream that fails as soon as the client's connection is closed. The JAX-RS body stream hands
 * each chunk to Vert.x and may report success for chunks written after the peer reset the connection (they are
 * dropped), which would make a cut download look complete; checking the response first makes it an
 * {@link IOException} like any other broken pipe.
 */
public final class ConnectionCheckedOutput extends FilterOutputStream {

    private final HttpServerResponse response;

    public ConnectionCheckedOutput(OutputStream out, HttpServerResponse response) {
        super(out);
        this.response = response;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        requireOpen();
        out.write(b, off, len);
    }

    @Override
    public void write(int b) throws IOException {
        requireOpen();
        out.write(b);
    }

    @Override
    public void flush() throws IOException {
        requireOpen();
        out.flush();
        requireOpen();
    }

    private void requireOpen() throws IOException {
        if (response.closed()) {
            throw new IOException("the client closed the connection");
        }
    }
}
