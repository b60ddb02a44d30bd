package io.labgate.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.labgate.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Requests over LabGate's limits are answered with problem documents like every other error, also where Vert.x
 * would answer with an empty body: a 100 KB query string, 40 KB of headers, a chunked body over 1 MB.
 */
@QuarkusTest
class RequestLimitsTest {

    @TestHTTPResource("/api/v1/servers")
    URL servers;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aLongQueryStringIs414WithAProblem() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(servers + "?q=" + "a".repeat(100_000)))
                .build());
        assertThat(response.statusCode()).isEqualTo(414);
        assertProblem(response, "URI_TOO_LONG");
    }

    @Test
    void largeHeadersAre431WithAProblem() throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(servers.toString()));
        for (int i = 0; i < 10; i++) {
            request.header("X-Padding-" + i, "p".repeat(4_000));
        }
        HttpResponse<String> response = send(request.build());
        assertThat(response.statusCode()).isEqualTo(431);
        assertProblem(response, "HEADERS_TOO_LARGE");
    }

    @Test
    void aChunkedBodyOverTheLimitIs413AndLoggedAsNoFailure() throws Exception {
        // well-formed as far as it goes, so that only its size can stop it
        byte[] twoMegabytes =
                ("{\"hostname\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        Supplier<InputStream> body = () -> new ByteArrayInputStream(twoMegabytes);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(servers.toString()))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + Tokens.of(Tokens.OPERATOR))
                // a stream of unknown length: sent chunked, with no Content-Length to refuse it by
                .POST(HttpRequest.BodyPublishers.ofInputStream(body))
                .build());
        // Quarkus stops the body at the limit and answers itself, with no body: the one limit without a problem
        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void aChunkedBodyUnderTheLimitReachesTheEndpoint() throws Exception {
        Supplier<InputStream> body = () -> new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(servers.toString()))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + Tokens.of(Tokens.OPERATOR))
                .POST(HttpRequest.BodyPublishers.ofInputStream(body))
                .build());
        // read and validated by the endpoint: an empty server is refused field by field
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"violations\"");
    }

    private static void assertProblem(HttpResponse<String> response, String code) {
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"code\":\"" + code + "\"").contains("\"requestId\"");
    }
}
