package io.labgate.gateway;

import io.labgate.gateway.sigv4.SigV4Request;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** One S3 request as received. {@code path} is the raw path below the mount point. */
public record S3Call(SigV4Request request, String path, String clientAddress, String requestId) {

    /**
     * The client's address as the policy's networks judge it; null when unknown (a Unix socket, a proxy that
     * named none) or not an IP literal, which a policy with networks refuses: unknown never counts as inside.
     */
    static InetAddress address(String literal) {
        if (literal == null || !(literal.matches("[0-9.]{7,15}") || literal.indexOf(':') >= 0)) {
            // only literals: a name would be looked up in DNS
            return null;
        }
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
