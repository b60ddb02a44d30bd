package io.labgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The S3 root listener behind the chart's ingress: the client is the address the trusted proxy saw, never one a
 * client wrote into {@code X-Forwarded-For} itself, and never the proxy's.
 */
class ForwardedForTest {

    private static final List<String> INGRESS = List.of("10.42.0.0/16");

    @Test
    void behindATrustedProxyTheClientIsTheAddressItForwarded() {
        assertThat(ForwardedFor.clientAddress("10.42.0.7", List.of("203.0.113.9"), INGRESS))
                .isEqualTo("203.0.113.9");
    }

    @Test
    void anAddressTheClientWroteItselfIsNotBelieved() {
        // the client sent "X-Forwarded-For: 10.1.2.3" (inside a lab network); the ingress appended what it saw
        assertThat(ForwardedFor.clientAddress("10.42.0.7", List.of("10.1.2.3, 203.0.113.9"), INGRESS))
                .isEqualTo("203.0.113.9");
        assertThat(ForwardedFor.clientAddress("10.42.0.7", List.of("10.1.2.3", "203.0.113.9"), INGRESS))
                .isEqualTo("203.0.113.9");
    }

    @Test
    void aChainOfTrustedProxiesIsWalkedFromTheRight() {
        assertThat(ForwardedFor.clientAddress("10.42.0.7", List.of("198.51.100.4, 10.42.3.3"), INGRESS))
                .isEqualTo("198.51.100.4");
    }

    @Test
    void theHeaderOfAnUntrustedPeerIsIgnored() {
        assertThat(ForwardedFor.clientAddress("203.0.113.9", List.of("10.1.2.3"), INGRESS))
                .isEqualTo("203.0.113.9");
        // no trusted proxies configured: forwarding is off
        assertThat(ForwardedFor.clientAddress("10.42.0.7", List.of("10.1.2.3"), List.of()))
                .isEqualTo("10.42.0.7");
    }

    @Test
    void garbageInTheHeaderIsAnUnknownAddressNotTheProxy() {
        String client = ForwardedFor.clientAddress("10.42.0.7", List.of("unknown"), INGRESS);
        assertThat(client).isEqualTo("unknown");
        assertThat(S3Call.address(client)).isNull();
    }

    @Test
    void withoutAHeaderTheProxyItselfIsTheClient() {
        assertThat(ForwardedFor.clientAddress("10.42.0.7", List.of(), INGRESS)).isEqualTo("10.42.0.7");
    }
}
