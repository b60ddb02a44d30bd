package io.labgate.gateway;

import io.labgate.gateway.sigv4.S3Error;
import io.labgate.gateway.sigv4.S3ErrorXml;
import java.util.LinkedHashMap;
import java.util.Map;

/** The headers every S3 answer carries, and the S3 XML error answer. */
final class S3Answers {

    private S3Answers() {}

    /** The request id under both of S3's names: clients quote them when reporting a problem. */
    static Map<String, String> headers(S3Call call) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-amz-request-id", call.requestId());
        headers.put("x-amz-id-2", call.requestId());
        return headers;
    }

    static Map<String, String> xmlHeaders(S3Call call) {
        Map<String, String> headers = headers(call);
        headers.put("Content-Type", S3Xml.CONTENT_TYPE);
        return headers;
    }

    static void error(S3Call call, S3Exchange exchange, S3Error error, Map<String, String> extraHeaders) {
        Map<String, String> headers = xmlHeaders(call);
        headers.putAll(extraHeaders);
        // the path the client sent: /s3/... on the main port, /bucket/... or /key (virtual-hosted) at the root
        String resource = call.request().rawPath();
        exchange.respond(error.httpStatus(), headers, S3ErrorXml.render(error, resource, call.requestId()));
    }
}
