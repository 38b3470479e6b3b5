package io.tributary.transports.multicast.internal;

import io.netty.util.NetUtil;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A block of multicast addresses given as address/prefix ({@code 239.255.0.0/16},
 * {@code ff15::/64}); group {@code i} is the {@code i}-th address of the block.
 *
 * @param network the first address (host bits zero)
 * @param prefix  the prefix length
 */
record GroupRange(InetAddress network, int prefix) {

    GroupRange {
        int bits = network.getAddress().length * 8;
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("prefix " + prefix + " is not 0.." + bits);
        }
    }

    /**
     * Parses {@code address/prefix} of the given family (IP literals only: no name lookup).
     *
     * @param ipv6 whether an IPv6 block is expected
     * @throws IllegalArgumentException when it is malformed, of the other family, not wholly
     *                                  multicast, or has host bits set
     */
    static GroupRange parse(String text, boolean ipv6) {
        String family = ipv6 ? "IPv6" : "IPv4";
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("\"" + text + "\" is not address/prefix, e.g. "
                    + (ipv6 ? "ff15::/64" : "239.255.0.0/16"));
        }
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(trimmed.substring(0, slash));
        if (bytes == null || bytes.length != (ipv6 ? 16 : 4)) {
            throw new IllegalArgumentException("\"" + text + "\" does not start with an " + family + " address");
        }
        String digits = trimmed.substring(slash + 1);
        if (digits.isEmpty() || digits.length() > 3 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("\"" + text + "\": the prefix is not a number");
        }
        int prefix = Integer.parseInt(digits);
        if (prefix > bytes.length * 8) {
            throw new IllegalArgumentException("\"" + text + "\": an " + family + " prefix is at most "
                    + bytes.length * 8);
        }
        // the whole block must be multicast: 224.0.0.0/4, ff00::/8
        int scopeBits = ipv6 ? 8 : 4;
        boolean multicast = ipv6 ? (bytes[0] & 0xff) == 0xff : (bytes[0] & 0xf0) == 0xe0;
        if (!multicast || prefix < scopeBits) {
            throw new IllegalArgumentException("\"" + text + "\" is not wholly multicast ("
                    + (ipv6 ? "ff00::/8" : "224.0.0.0/4") + ")");
        }
        for (int bit = prefix; bit < bytes.length * 8; bit++) {
            if ((bytes[bit / 8] & (0x80 >> (bit % 8))) != 0) {
                throw new IllegalArgumentException("\"" + text + "\" has bits set after the prefix: write the"
                        + " first address of the block");
            }
        }
        return new GroupRange(address(bytes), prefix);
    }

    boolean ipv6() {
        return network instanceof Inet6Address;
    }

    /** How many addresses the block holds (capped at {@link Integer#MAX_VALUE}: ports run out first). */
    int size() {
        int hostBits = network.getAddress().length * 8 - prefix;
        return hostBits >= 31 ? Integer.MAX_VALUE : 1 << hostBits;
    }

    /** The {@code index}-th address of the block. */
    InetAddress address(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException(index);
        }
        byte[] bytes = network.getAddress();
        long carry = index;
        for (int i = bytes.length - 1; i >= 0 && carry != 0; i--) {
            long sum = (bytes[i] & 0xff) + (carry & 0xff);
            bytes[i] = (byte) sum;
            carry = (carry >>> 8) + (sum >>> 8);
        }
        return address(bytes);
    }

    private static InetAddress address(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e.getMessage(), e); // only for a wrong length, checked above
        }
    }

    @Override
    public String toString() {
        return (network instanceof Inet4Address ? network.getHostAddress() : NetUtil.toAddressString(network))
                + "/" + prefix;
    }
}
