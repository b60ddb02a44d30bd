package io.labgate.gateway;

import io.labgate.policy.api.ClientNetworks;
import java.util.ArrayList;
import java.util.List;

/**
 * The client's address at the S3 root listener behind a proxy. The root listener is LabGate's own Vert.x server,
 * outside Quarkus' HTTP layer, so {@code quarkus.http.proxy.*} does not rewrite its addresses; this applies the same
 * settings. {@code X-Forwarded-For} is believed only from a trusted proxy, and read from the right: each trusted
 * proxy appended the address it saw, so the right-most address that is not a trusted proxy is the client (a client
 * may write anything to the left of it). Pure logic.
 */
final class ForwardedFor {

    private ForwardedFor() {}

    /**
     * @param peer the connection's address
     * @param forwardedFor every {@code X-Forwarded-For} value, in the order received
     * @param trustedProxies addresses and CIDRs of the proxies whose header is believed; empty: none
     */
    static String clientAddress(String peer, List<String> forwardedFor, List<String> trustedProxies) {
        if (trustedProxies.isEmpty() || forwardedFor.isEmpty() || !trusted(peer, trustedProxies)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String value : forwardedFor) {
            for (String hop : value.split(",")) {
                hops.add(hop.strip());
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (!trusted(hops.get(i), trustedProxies)) {
                // not an IP literal (unknown, a name, garbage): S3Call.address turns it into "unknown"
                return hops.get(i);
            }
        }
        return hops.get(0);
    }

    private static boolean trusted(String address, List<String> trustedProxies) {
        return ClientNetworks.allows(trustedProxies, S3Call.address(address));
    }
}
