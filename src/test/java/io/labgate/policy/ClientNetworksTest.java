package io.labgate.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labgate.policy.api.ClientNetworks;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClientNetworksTest {

    /** An address from its literal bytes: no name service is ever asked. */
    private static InetAddress ipv4(int a, int b, int c, int d) throws UnknownHostException {
        return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
    }

    private static InetAddress ipv6(int... groups) throws UnknownHostException {
        byte[] bytes = new byte[16];
        for (int i = 0; i < 8; i++) {
            bytes[2 * i] = (byte) (groups[i] >>> 8);
            bytes[2 * i + 1] = (byte) groups[i];
        }
        // Inet6Address.getByAddress keeps an IPv4-mapped address as IPv6, as a dual-stack socket reports it
        return Inet6Address.getByAddress(null, bytes, -1);
    }

    @Test
    void emptyListAllowsEveryClient() throws Exception {
        assertThat(ClientNetworks.allows(List.of(), ipv4(8, 8, 8, 8))).isTrue();
        assertThat(ClientNetworks.allows(null, ipv6(0x2001, 0xdb8, 0, 0, 0, 0, 0, 1)))
                .isTrue();
    }

    @Test
    void ipv4NetworksMatchByPrefix() throws Exception {
        List<String> networks = List.of("10.0.0.0/8", "192.168.4.0/22", "203.0.113.7/32");
        assertThat(ClientNetworks.allows(networks, ipv4(10, 255, 1, 2))).isTrue();
        assertThat(ClientNetworks.allows(networks, ipv4(192, 168, 7, 255))).isTrue();
        assertThat(ClientNetworks.allows(networks, ipv4(203, 0, 113, 7))).isTrue();
        assertThat(ClientNetworks.allows(networks, ipv4(11, 0, 0, 1))).isFalse();
        assertThat(ClientNetworks.allows(networks, ipv4(192, 168, 8, 0))).isFalse();
        assertThat(ClientNetworks.allows(networks, ipv4(192, 168, 3, 255))).isFalse();
        assertThat(ClientNetworks.allows(networks, ipv4(203, 0, 113, 8))).isFalse();
    }

    @Test
    void zeroPrefixMatchesItsWholeFamilyOnly() throws Exception {
        assertThat(ClientNetworks.allows(List.of("0.0.0.0/0"), ipv4(1, 2, 3, 4)))
                .isTrue();
        assertThat(ClientNetworks.allows(List.of("0.0.0.0/0"), ipv6(0x2001, 0xdb8, 0, 0, 0, 0, 0, 1)))
                .isFalse();
        assertThat(ClientNetworks.allows(List.of("::/0"), ipv6(0x2001, 0xdb8, 0, 0, 0, 0, 0, 1)))
                .isTrue();
        assertThat(ClientNetworks.allows(List.of("::/0"), ipv4(1, 2, 3, 4))).isFalse();
    }

    @Test
    void ipv6NetworksMatchByPrefix() throws Exception {
        List<String> networks = List.of("2001:db8:abcd::/48", "fd00::/8");
        assertThat(ClientNetworks.allows(networks, ipv6(0x2001, 0xdb8, 0xabcd, 0x12, 0, 0, 0, 1)))
                .isTrue();
        assertThat(ClientNetworks.allows(networks, ipv6(0xfdff, 1, 2, 3, 4, 5, 6, 7)))
                .isTrue();
        assertThat(ClientNetworks.allows(networks, ipv6(0x2001, 0xdb8, 0xabce, 0, 0, 0, 0, 1)))
                .isFalse();
        assertThat(ClientNetworks.allows(networks, ipv6(0xfe00, 0, 0, 0, 0, 0, 0, 1)))
                .isFalse();
        assertThat(ClientNetworks.allows(networks, ipv4(10, 0, 0, 1))).isFalse();
    }

    @Test
    void ipv4MappedClientMatchesIpv4Networks() throws Exception {
        InetAddress mapped = ipv6(0, 0, 0, 0, 0, 0xffff, 0x0a01, 0x0203); // ::ffff:10.1.2.3
        assertThat(mapped).isInstanceOf(Inet6Address.class);
        assertThat(ClientNetworks.allows(List.of("10.0.0.0/8"), mapped)).isTrue();
        assertThat(ClientNetworks.allows(List.of("10.1.2.3/32"), mapped)).isTrue();
        assertThat(ClientNetworks.allows(List.of("11.0.0.0/8"), mapped)).isFalse();
        // a mapped client is the IPv4 client it wraps, not an IPv6 one
        assertThat(ClientNetworks.allows(List.of("::/0"), mapped)).isFalse();
        // and a mapped network is the IPv4 network it denotes
        assertThat(ClientNetworks.allows(List.of("::ffff:10.0.0.0/104"), ipv4(10, 9, 9, 9)))
                .isTrue();
    }

    @Test
    void damagedEntriesMatchNothing() throws Exception {
        assertThat(ClientNetworks.allows(List.of("not-a-network"), ipv4(10, 0, 0, 1)))
                .isFalse();
        assertThat(ClientNetworks.allows(List.of("garbage", "10.0.0.0/8"), ipv4(10, 0, 0, 1)))
                .isTrue();
        assertThat(ClientNetworks.allows(List.of("10.0.0.0/8"), null)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "10.0.0.0/8, 10.0.0.0/8",
        "' 10.0.0.0/8 ', 10.0.0.0/8",
        "192.168.1.7, 192.168.1.7/32",
        "0.0.0.0/0, 0.0.0.0/0",
        "2001:DB8:0:0::/32, 2001:db8::/32",
        "2001:0db8:0000:0000:0000:0000:0000:0001/128, 2001:db8::1/128",
        "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1/128",
        "2001:db8:0:0:1:0:0:1/128, 2001:db8::1:0:0:1/128",
        "2001:0:0:1:0:0:0:1/128, 2001:0:0:1::1/128",
        "::/0, ::/0",
        "::1, ::1/128",
        "fe80::/10, fe80::/10",
        "::ffff:192.168.0.0/112, 192.168.0.0/16",
        "::ffff:c0a8:1, 192.168.0.1/32",
        "::ffff:0:0/96, 0.0.0.0/0",
        "64:ff9b::192.0.2.0/120, 64:ff9b::c000:200/120"
    })
    void networksAreNormalised(String input, String expected) {
        assertThat(ClientNetworks.normalise(input)).isEqualTo(expected);
    }

    @Test
    void hostBitsAfterThePrefixAreRefusedWithASuggestion() {
        assertThatThrownBy(() -> ClientNetworks.normalise("10.1.2.3/8"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("10.0.0.0/8")
                .hasMessageContaining("10.1.2.3/32");
        assertThatThrownBy(() -> ClientNetworks.normalise("2001:db8::1/32"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2001:db8::/32");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "localhost",
                "localhost/8",
                "example.com/24",
                "10.0.0/8",
                "10.0.0.0.0/8",
                "256.0.0.0/8",
                "010.0.0.0/8",
                "1.2.3.-4/32",
                "10.0.0.0/",
                "10.0.0.0/33",
                "10.0.0.0/08",
                "10.0.0.0/-1",
                "10.0.0.0/8/8",
                "10.0.0.0/ 8",
                "::/129",
                ":::/0",
                "1::2::3/128",
                "12345::/16",
                "g::/16",
                "1:2:3:4:5:6:7:8:9/128",
                "1:2:3:4:5:6:7/128",
                "1:2:3:4:5:6:7:8::/128",
                ":1::/16",
                "1.2.3.4::/128",
                "fe80::1%eth0/128",
                "[::1]/128",
                "::ffff:300.1.1.1/128",
                "１０.0.0.0/8"
            })
    void malformedNetworksAreRefused(String input) {
        assertThatThrownBy(() -> ClientNetworks.normalise(input)).isInstanceOf(IllegalArgumentException.class);
    }
}
