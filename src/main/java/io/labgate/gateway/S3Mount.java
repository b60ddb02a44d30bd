package io.labgate.gateway;

import io.labgate.gateway.sigv4.SigV4Request;
import io.labgate.platform.http.RequestIds;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.MDC;

/**
 * Mounts the S3-compatible endpoint at {@code /s3} as a plain Vert.x route, beside (not inside) the REST layer:
 * S3 requests carry SigV4, not bearer tokens, so neither OIDC nor the JSON problem mapping may touch them. With
 * proactive authentication off and no HTTP permission on {@code /s3}, Quarkus never asks OIDC about these
 * requests. The route runs on a worker thread ({@code blockingHandler}): verification reads the database and the
 * usage log blocks until an event is committed. Path and query reach the verifier exactly as received.
 */
@ApplicationScoped
public class S3Mount {

    /** Where the endpoint is mounted: {@code aws --endpoint-url http://host:8080/s3 s3 ls}. */
    public static final String PATH = "/s3";

    @Inject
    S3Gateway gateway;

    @Inject
    GatewayConfig config;

    @Inject
    io.vertx.core.Vertx vertx;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.http.host", defaultValue = "0.0.0.0")
    String host;

    /** Whether addresses forwarded by trusted proxies are believed, as on Quarkus' own listener. */
    @org.eclipse.microprofile.config.inject.ConfigProperty(
            name = "quarkus.http.proxy.proxy-address-forwarding",
            defaultValue = "false")
    boolean forwarding;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.http.proxy.trusted-proxies")
    java.util.Optional<List<String>> trustedProxies;

    /** The S3 API's own listener at the root of its host, when configured. */
    private io.vertx.core.http.HttpServer root;

    void mount(@Observes Router router) {
        router.routeWithRegex("/s3(/.*)?").blockingHandler(ctx -> handle(ctx, PATH), false);
    }

    /**
     * Opens the root listener ({@code labgate.gateway.root-port}): every path is an S3 path, so tools that cannot
     * use a path prefix in their endpoint (s3cmd signs {@code host:port/s3} as the host, mc refuses it) work.
     */
    void listenAtRoot(@Observes io.quarkus.runtime.StartupEvent event) throws Exception {
        if (config.rootPort().isEmpty()) {
            return;
        }
        Router s3 = Router.router(vertx);
        s3.route().blockingHandler(ctx -> handle(ctx, ""), false);
        io.vertx.core.http.HttpServerOptions options = new io.vertx.core.http.HttpServerOptions()
                .setHost(host)
                .setPort(config.rootPort().getAsInt())
                // presigned URLs of long keys have long request lines
                .setMaxInitialLineLength(16 * 1024)
                .setMaxHeaderSize(32 * 1024);
        root = vertx.createHttpServer(options)
                .requestHandler(s3)
                .listen()
                .toCompletionStage()
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        org.jboss.logging.Logger.getLogger(S3Mount.class)
                .infof("S3 API at the root of http://%s:%d", host, root.actualPort());
    }

    /** The root listener's port, or -1 without one. */
    public int rootPort() {
        return root == null ? -1 : root.actualPort();
    }

    void close(@Observes io.quarkus.runtime.ShutdownEvent event) {
        if (root != null) {
            root.close();
        }
    }

    /** One S3 request; {@code mount} is the path prefix the endpoint is mounted under ({@code ""} at the root). */
    void handle(RoutingContext ctx, String mount) {
        HttpServerRequest request = ctx.request();
        String requestId =
                UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase(Locale.ROOT);
        MDC.put(RequestIds.MDC_KEY, requestId);
        // S3 clients offer no id of their own; nothing of another request may stay behind
        MDC.remove(RequestIds.CLIENT_MDC_KEY);
        try {
            String uri = request.uri();
            int q = uri.indexOf('?');
            String rawPath = q < 0 ? uri : uri.substring(0, q);
            String rawQuery = q < 0 ? null : uri.substring(q + 1);
            String below = rawPath.startsWith(mount) ? rawPath.substring(mount.length()) : rawPath;
            Map<String, List<String>> headers = headers(request.headers());
            if (!request.headers().contains("host") && request.authority() != null) {
                // HTTP/2 (h2c, as java.net.http upgrades to) carries the host as :authority, not as a header
                headers.put("host", List.of(request.authority().toString()));
            }
            // only the root listener serves a host of its own, so only there may the host name the bucket
            String hostBucket = mount.isEmpty()
                    ? VirtualHostedStyle.bucket(
                                    request.authority() == null
                                            ? null
                                            : request.authority().toString(),
                                    config.virtualHostDomain().orElse(null))
                            .orElse(null)
                    : null;
            if (hostBucket != null) {
                below = VirtualHostedStyle.pathStyle(hostBucket, below);
            }
            SigV4Request signed = new SigV4Request(request.method().name(), rawPath, rawQuery, headers, hostBucket);
            String client = request.remoteAddress() == null
                    ? null
                    : request.remoteAddress().hostAddress();
            if (mount.isEmpty() && forwarding) {
                // Quarkus rewrites the address on its own listener (the /s3 mount), not on this one
                client = ForwardedFor.clientAddress(
                        client, request.headers().getAll("X-Forwarded-For"), trustedProxies.orElse(List.of()));
            }
            gateway.handle(new S3Call(signed, below, client, requestId), new VertxExchange(ctx));
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }

    private static Map<String, List<String>> headers(MultiMap headers) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        for (String name : headers.names()) {
            copy.put(name, headers.getAll(name));
        }
        return copy;
    }

    /** The answer through Vert.x, from a worker thread, with backpressure for streamed bodies. */
    static final class VertxExchange implements S3Exchange {

        private final RoutingContext ctx;
        private final HttpServerResponse response;
        private final boolean head;

        VertxExchange(RoutingContext ctx) {
            this.ctx = ctx;
            this.response = ctx.response();
            this.head = ctx.request().method() == HttpMethod.HEAD;
        }

        private void start(int status, Map<String, String> headers) {
            response.setStatusCode(status);
            headers.forEach(response::putHeader);
            HttpMethod method = ctx.request().method();
            if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
                // a body we never read may follow: do not reuse the connection
                response.putHeader("Connection", "close");
            }
        }

        @Override
        public void respond(int status, Map<String, String> headers, String body) {
            start(status, headers);
            if (head || body == null) {
                if (!head) {
                    response.putHeader("Content-Length", "0");
                }
                response.end();
            } else {
                response.end(body);
            }
        }

        @Override
        public OutputStream stream(int status, Map<String, String> headers) {
            start(status, headers);
            if (head) {
                response.end();
                return OutputStream.nullOutputStream();
            }
            return new ResponseStream(response);
        }

        @Override
        public boolean started() {
            return response.headWritten() || response.ended();
        }

        @Override
        public void abort() {
            ctx.request().connection().close();
        }
    }

    /** Writes to the response, waiting while Vert.x's write queue is full; close ends the response. */
    static final class ResponseStream extends OutputStream {

        private final HttpServerResponse response;
        private boolean closed;

        ResponseStream(HttpServerResponse response) {
            this.response = response;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return;
            }
            if (closed || response.closed()) {
                throw new IOException("the client closed the connection");
            }
            response.write(Buffer.buffer(Arrays.copyOfRange(b, off, off + len)));
            awaitWritable();
        }

        private void awaitWritable() throws IOException {
            while (response.writeQueueFull()) {
                CompletableFuture<Void> drained = new CompletableFuture<>();
                response.drainHandler(v -> drained.complete(null));
                if (!response.writeQueueFull()) {
                    return;
                }
                try {
                    drained.get(1, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    if (response.closed()) {
                        throw new IOException("the client closed the connection");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while the client was slow");
                } catch (ExecutionException e) {
                    throw new IOException(e.getCause());
                }
            }
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                if (!response.ended()) {
                    response.end();
                }
            }
        }
    }
}
