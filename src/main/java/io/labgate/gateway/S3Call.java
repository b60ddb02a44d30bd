package io.labgate.gateway;

import io.labgate.gateway.sigv4.SigV4Request;

/** One S3 request as received. {@code path} is the raw path below the mount point. */
public record S3Call(SigV4Request request, String path, String clientAddress, String requestId) {}
