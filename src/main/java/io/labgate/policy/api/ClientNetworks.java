package io.labgate.policy.api;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;

/**
 * Client networks of a security policy: parses and normalises CIDR notation, and decides whether a client
 * address lies in one of the networks. Pure and DNS-free: strings are parsed by hand (never through
 * {@link InetAddress#getByName}, which falls back to a DNS lookup for anything that is not a literal), and
 * addresses are compared by their bytes only.
 *
 * <p>No library on our classpath fits: Netty's {@code IpSubnetFilterRule} resolves through {@code InetAddress},
 * keeps IPv4 and IPv6 apart without handling IPv4-mapped addresses and silently masks host bits; Guava (only
 * a transitive dependency of the MinIO client) parses literals but has no network type.
 *
 * <p>Rules, documented for operators in the API description of {@code allowedNetworks}:
 * <ul>
 *   <li>A network is {@code address/prefix}; IPv4 prefixes are 0–32, IPv6 prefixes 0–128. A bare address
 *       means that single host ({@code /32} or {@code /128}).</li>
 *   <li>A network whose address has bits set after the prefix ({@code 10.1.2.3/8}) is <em>refused</em>, not
 *       silently widened: the operator may have meant {@code /32}; the message suggests {@code 10.0.0.0/8}.</li>
 *   <li>IPv4 parts have no leading zeros ({@code 010.0.0.1} could be read as octal). IPv6 zone ids
 *       ({@code %eth0}) and brackets are refused.</li>
 *   <li>The normal form is dotted-quad for IPv4 and RFC 5952 text for IPv6 (lower case, no leading zeros,
 *       the longest run of two or more zero groups written {@code ::}). An IPv6 network inside
 *       {@code ::ffff:0:0/96} (IPv4-mapped) is written as the IPv4 network it denotes.</li>
 *   <li>A client address that is IPv4-mapped IPv6 ({@code ::ffff:10.1.2.3}) is the IPv4 client it wraps:
 *       it matches IPv4 networks and no IPv6 network. So {@code ::/0} means every IPv6 client, not every
 *       client.</li>
 *   <li>An empty list allows any client.</li>
 * </ul>
 */
public final class ClientNetworks {

    /** At most this many networks per policy. */
    public static final int MAX_NETWORKS = 50;

    private ClientNetworks() {}

    /**
     * True when {@code address} lies in one of {@code cidrs}, or when {@code cidrs} is empty (any network).
     * Entries that do not parse match nothing, so a damaged list fails closed.
     */
    public static boolean allows(List<String> cidrs, InetAddress address) {
        if (cidrs == null || cidrs.isEmpty()) {
            return true;
        }
        if (address == null) {
            return false;
        }
        byte[] client = clientBytes(address);
        for (String cidr : cidrs) {
            Network network;
            try {
                network = Network.parse(cidr);
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (network.contains(client)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The normal form of one network, e.g. {@code "2001:DB8:0::/32"} → {@code "2001:db8::/32"}.
     *
     * @throws IllegalArgumentException with a message fit for an API client when {@code cidr} is not a network
     */
    public static String normalise(String cidr) {
        return Network.parse(cidr).toString();
    }

    /** The address bytes a client is compared with: 4 for IPv4 (also when IPv4-mapped), 16 for IPv6. */
    private static byte[] clientBytes(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address && isIpv4Mapped(bytes)) {
            byte[] v4 = new byte[4];
            System.arraycopy(bytes, 12, v4, 0, 4);
            return v4;
        }
        return bytes;
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        if (bytes.length != 16) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }

    /** One parsed network: its base address (4 or 16 bytes, host bits all zero) and prefix length. */
    static final class Network {

        private final byte[] base;
        private final int prefix;

        private Network(byte[] base, int prefix) {
            this.base = base;
            this.prefix = prefix;
        }

        static Network parse(String text) {
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("must be a network such as 10.0.0.0/8 or 2001:db8::/32");
            }
            String cidr = text.trim();
            if (cidr.length() > 60) {
                throw new IllegalArgumentException("is too long to be a network");
            }
            int slash = cidr.indexOf('/');
            String addressText = slash < 0 ? cidr : cidr.substring(0, slash);
            byte[] address = parseAddress(addressText, cidr);
            int max = address.length * 8;
            int prefix = slash < 0 ? max : parsePrefix(cidr.substring(slash + 1), max, cidr);
            if (address.length == 16 && isIpv4Mapped(address) && prefix >= 96) {
                byte[] v4 = new byte[4];
                System.arraycopy(address, 12, v4, 0, 4);
                address = v4;
                prefix -= 96;
            }
            Network network = new Network(mask(address, prefix), prefix);
            if (!Arrays.equals(network.base, address)) {
                throw new IllegalArgumentException("'" + cidr + "' has address bits set after its prefix "
                        + "length; write " + network + " for the whole network or "
                        + new Network(address, address.length * 8) + " for one host");
            }
            return network;
        }

        boolean contains(byte[] candidate) {
            if (candidate.length != base.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (candidate[i] != base[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int keep = (0xff << (8 - rest)) & 0xff;
            return (candidate[full] & keep) == (base[full] & keep);
        }

        @Override
        public String toString() {
            return (base.length == 4 ? formatIpv4(base) : formatIpv6(base)) + "/" + prefix;
        }

        private static byte[] mask(byte[] address, int prefix) {
            byte[] masked = address.clone();
            for (int bit = prefix; bit < masked.length * 8; bit++) {
                masked[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
            }
            return masked;
        }

        private static int parsePrefix(String text, int max, String cidr) {
            if (!text.matches("0|[1-9][0-9]{0,2}")) {
                throw new IllegalArgumentException(
                        "'" + cidr + "' needs a prefix length of 0 to " + max + " after the /");
            }
            int prefix = Integer.parseInt(text);
            if (prefix > max) {
                throw new IllegalArgumentException("'" + cidr + "' has prefix /" + prefix + "; "
                        + (max == 32 ? "IPv4" : "IPv6") + " prefixes are 0 to " + max);
            }
            return prefix;
        }

        private static byte[] parseAddress(String text, String cidr) {
            byte[] address = text.indexOf(':') >= 0 ? parseIpv6(text) : parseIpv4(text);
            if (address == null) {
                throw new IllegalArgumentException("'" + cidr + "' is not an IPv4 or IPv6 network in CIDR "
                        + "notation (e.g. 10.0.0.0/8, 2001:db8::/32); host names are not allowed");
            }
            return address;
        }

        /** Dotted quad, four decimal parts 0–255 without leading zeros; null when not one. */
        static byte[] parseIpv4(String text) {
            String[] parts = text.split("\\.", -1);
            if (parts.length != 4) {
                return null;
            }
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                String part = parts[i];
                if (!part.matches("0|[1-9][0-9]{0,2}")) {
                    return null;
                }
                int value = Integer.parseInt(part);
                if (value > 255) {
                    return null;
                }
                bytes[i] = (byte) value;
            }
            return bytes;
        }

        /** RFC 4291 text form, with an optional trailing dotted quad; null when not one. */
        static byte[] parseIpv6(String text) {
            if (text.isEmpty() || text.length() > 45) {
                return null;
            }
            int gap = text.indexOf("::");
            if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
                return null;
            }
            int[] head = gap < 0 ? groups(text, true) : groups(text.substring(0, gap), false);
            int[] tail = gap < 0 ? new int[0] : groups(text.substring(gap + 2), true);
            if (head == null || tail == null) {
                return null;
            }
            int count = head.length + tail.length;
            if (gap < 0 ? count != 8 : count > 7) {
                return null;
            }
            byte[] bytes = new byte[16];
            for (int i = 0; i < head.length; i++) {
                bytes[2 * i] = (byte) (head[i] >>> 8);
                bytes[2 * i + 1] = (byte) head[i];
            }
            for (int i = 0; i < tail.length; i++) {
                int at = 8 - tail.length + i;
                bytes[2 * at] = (byte) (tail[i] >>> 8);
                bytes[2 * at + 1] = (byte) tail[i];
            }
            return bytes;
        }

        /** Colon-separated 16-bit groups; the last may be a dotted quad (two groups) when {@code last}. */
        private static int[] groups(String text, boolean last) {
            if (text.isEmpty()) {
                return new int[0];
            }
            String[] parts = text.split(":", -1);
            int[] groups = new int[parts.length + 1];
            int n = 0;
            for (int i = 0; i < parts.length; i++) {
                String part = parts[i];
                if (last && i == parts.length - 1 && part.indexOf('.') >= 0) {
                    byte[] v4 = parseIpv4(part);
                    if (v4 == null) {
                        return null;
                    }
                    groups[n++] = ((v4[0] & 0xff) << 8) | (v4[1] & 0xff);
                    groups[n++] = ((v4[2] & 0xff) << 8) | (v4[3] & 0xff);
                } else {
                    if (part.isEmpty() || part.length() > 4 || !isHex(part)) {
                        return null;
                    }
                    groups[n++] = Integer.parseInt(part, 16);
                }
            }
            return Arrays.copyOf(groups, n);
        }

        private static boolean isHex(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
                if (!hex) {
                    return false;
                }
            }
            return true;
        }

        private static String formatIpv4(byte[] b) {
            return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + "." + (b[3] & 0xff);
        }

        /** RFC 5952: lower case, no leading zeros, the first longest run of two or more zero groups as ::. */
        private static String formatIpv6(byte[] b) {
            int[] groups = new int[8];
            for (int i = 0; i < 8; i++) {
                groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
            }
            int bestStart = -1;
            int bestLength = 1;
            for (int i = 0; i < 8; ) {
                if (groups[i] != 0) {
                    i++;
                    continue;
                }
                int j = i;
                while (j < 8 && groups[j] == 0) {
                    j++;
                }
                if (j - i > bestLength) {
                    bestStart = i;
                    bestLength = j - i;
                }
                i = j;
            }
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                if (i == bestStart) {
                    text.append("::");
                    i += bestLength - 1;
                    continue;
                }
                if (!text.isEmpty() && text.charAt(text.length() - 1) != ':') {
                    text.append(':');
                }
                text.append(Integer.toHexString(groups[i]));
            }
            return text.toString();
        }
    }
}
