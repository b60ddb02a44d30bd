package io.labgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.labgate.policy.api.ClientNetworks;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The S3 endpoint judges the client's address against the policy's networks like the REST path: an address it does
 * not know is outside every network (security review L5: it used to count as loopback, inside {@code 127.0.0.0/8}).
 */
class S3ClientAddressTest {

    private static final List<String> LAB = List.of("127.0.0.0/8", "10.0.0.0/8");

    @Test
    void anUnknownAddressIsOutsideEveryNetwork() {
        assertThat(S3Call.address(null)).isNull();
        assertThat(ClientNetworks.allows(LAB, S3Call.address(null))).isFalse();
    }

    @Test
    void anAddressThatIsNoIpLiteralIsUnknownAndNeverLookedUp() {
        assertThat(S3Call.address("")).isNull();
        assertThat(S3Call.address("localhost")).isNull();
        assertThat(S3Call.address("unix:/run/labgate.sock")).isNull();
        assertThat(ClientNetworks.allows(LAB, S3Call.address("localhost"))).isFalse();
    }

    @Test
    void literalsAreJudgedAsTheyAre() {
        assertThat(ClientNetworks.allows(LAB, S3Call.address("10.1.2.3"))).isTrue();
        assertThat(ClientNetworks.allows(LAB, S3Call.address("192.0.2.7"))).isFalse();
        assertThat(ClientNetworks.allows(List.of("::1/128"), S3Call.address("::1")))
                .isTrue();
    }
}
