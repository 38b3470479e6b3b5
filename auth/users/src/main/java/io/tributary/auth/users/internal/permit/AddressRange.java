package io.tributary.auth.users.internal.permit;

import java.net.InetAddress;
import java.util.Arrays;

/**
 * A range of client addresses: a CIDR block ({@code 10.0.0.0/8}, {@code 2001:db8::/32}) or a
 * single address ({@code 192.168.1.5}, {@code ::1}). An IPv4 address and its IPv4-mapped IPv6
 * form ({@code ::ffff:a.b.c.d}) are the same client: IPv4 ranges match mapped clients, and
 * IPv6 ranges that cover {@code ::ffff:0:0/96} match IPv4 clients.
 *
 * <p>Parsed here rather than by {@link InetAddress#getByName}, which looks up anything that
 * is not a literal in DNS and accepts legacy forms such as {@code 10.1}.
 *
 * @param network the first address of the range, 4 or 16 bytes, no bits set past the prefix
 * @param prefix  how many leading bits a client address must share with it
 */
public record AddressRange(byte[] network, int prefix) {
    private static final int[] NO_GROUPS = {};

    public AddressRange {
        if (network.length != 4 && network.length != 16) {
            throw new IllegalArgumentException("an address has 4 or 16 bytes, not " + network.length);
        }
        if (prefix < 0 || prefix > network.length * 8) {
            throw new IllegalArgumentException("prefix /" + prefix + " out of range");
        }
        network = network.clone();
        if (!Arrays.equals(network, masked(network, prefix))) {
            throw new IllegalArgumentException("bits set past the prefix /" + prefix);
        }
    }

    @Override
    public byte[] network() {
        return network.clone();
    }

    /**
     * Parses {@code address[/prefix]}.
     *
     * @throws IllegalArgumentException naming what is wrong: not an IPv4 or IPv6 literal, a
     *                                  prefix out of range, or bits set past the prefix
     */
    public static AddressRange parse(String text) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        byte[] bytes = address.indexOf(':') >= 0 ? parseV6(address) : parseV4(address);
        if (bytes == null) {
            throw new IllegalArgumentException("\"" + text + "\" is not an IPv4 or IPv6 address or CIDR range");
        }
        int bits = bytes.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            prefix = decimal(text.substring(slash + 1), 3);
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("\"" + text + "\": the prefix length must be 0 to " + bits);
            }
        }
        byte[] network = masked(bytes, prefix);
        if (!Arrays.equals(network, bytes)) {
            throw new IllegalArgumentException("\"" + text + "\" has bits set past the prefix length (did you mean "
                    + new AddressRange(network, prefix) + "?)");
        }
        return new AddressRange(network, prefix);
    }

    /** {@code true} when the client address is in this range; false for null. */
    public boolean contains(InetAddress address) {
        if (address == null) {
            return false;
        }
        byte[] client = address.getAddress();
        if (network.length == 4 && client.length == 16) {
            if (!isMapped(client)) {
                return false;
            }
            client = Arrays.copyOfRange(client, 12, 16);
        } else if (network.length == 16 && client.length == 4) {
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(client, 0, mapped, 12, 4);
            client = mapped;
        }
        return Arrays.equals(masked(client, prefix), network);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AddressRange that && prefix == that.prefix && Arrays.equals(network, that.network);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(network) * 31 + prefix;
    }

    /** The canonical text ({@code 10.0.0.0/8}, {@code 2001:db8::/32}, {@code ::1}), which parses back to this. */
    @Override
    public String toString() {
        String address = network.length == 4 ? v4Text(network, 0) : v6Text(network);
        return prefix == network.length * 8 ? address : address + "/" + prefix;
    }

    private static boolean isMapped(byte[] v6) {
        for (int i = 0; i < 10; i++) {
            if (v6[i] != 0) {
                return false;
            }
        }
        return v6[10] == (byte) 0xff && v6[11] == (byte) 0xff;
    }

    private static byte[] masked(byte[] address, int prefix) {
        byte[] result = address.clone();
        for (int i = 0; i < result.length; i++) {
            int keep = Math.min(8, Math.max(0, prefix - i * 8));
            result[i] &= (byte) (0xff00 >> keep);
        }
        return result;
    }

    /** A strict dotted quad (no leading zeros, which some parsers read as octal), or null. */
    private static byte[] parseV4(String text) {
        byte[] bytes = new byte[4];
        int start = 0;
        for (int i = 0; i < 4; i++) {
            int dot = text.indexOf('.', start);
            int end = i < 3 ? dot : text.length();
            if (end < 0 || (i == 3 && dot >= 0)) {
                return null;
            }
            String part = text.substring(start, end);
            int value = decimal(part, 3);
            if (value < 0 || value > 255 || (part.length() > 1 && part.charAt(0) == '0')) {
                return null;
            }
            bytes[i] = (byte) value;
            start = end + 1;
        }
        return bytes;
    }

    /** An IPv6 literal (RFC 4291 text forms, IPv4 tail included; no zone), or null. */
    private static byte[] parseV6(String text) {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        int[] head = groups(gap < 0 ? text : text.substring(0, gap), gap < 0);
        int[] tail = gap < 0 ? NO_GROUPS : groups(text.substring(gap + 2), true);
        if (head == null || tail == null) {
            return null;
        }
        int count = head.length + tail.length;
        if (gap < 0 ? count != 8 : count > 7) {
            return null;
        }
        byte[] bytes = new byte[16];
        for (int i = 0; i < head.length; i++) {
            bytes[2 * i] = (byte) (head[i] >> 8);
            bytes[2 * i + 1] = (byte) head[i];
        }
        for (int i = 0; i < tail.length; i++) {
            int at = 8 - tail.length + i;
            bytes[2 * at] = (byte) (tail[i] >> 8);
            bytes[2 * at + 1] = (byte) tail[i];
        }
        return bytes;
    }

    /**
     * The 16-bit groups of a colon-separated run (empty for ""), or null when a group is
     * malformed; the last group may be a dotted quad (two groups) when it ends the address.
     */
    private static int[] groups(String run, boolean endsAddress) {
        if (run.isEmpty()) {
            return NO_GROUPS;
        }
        String[] parts = run.split(":", -1);
        int[] groups = new int[parts.length + 1];
        int count = 0;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.indexOf('.') >= 0) {
                byte[] v4 = i == parts.length - 1 && endsAddress ? parseV4(part) : null;
                if (v4 == null) {
                    return null;
                }
                groups[count++] = (v4[0] & 0xff) << 8 | v4[1] & 0xff;
                groups[count++] = (v4[2] & 0xff) << 8 | v4[3] & 0xff;
            } else {
                int value = hex(part);
                if (value < 0) {
                    return null;
                }
                groups[count++] = value;
            }
        }
        return Arrays.copyOf(groups, count);
    }

    /** 1 to 4 ASCII hex digits, or -1. */
    private static int hex(String part) {
        if (part.isEmpty() || part.length() > 4) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            int digit = c >= '0' && c <= '9' ? c - '0'
                    : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (digit < 0) {
                return -1;
            }
            value = value << 4 | digit;
        }
        return value;
    }

    /** 1 to maxDigits ASCII decimal digits, or -1. */
    private static int decimal(String part, int maxDigits) {
        if (part.isEmpty() || part.length() > maxDigits) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + c - '0';
        }
        return value;
    }

    private static String v4Text(byte[] bytes, int from) {
        return (bytes[from] & 0xff) + "." + (bytes[from + 1] & 0xff) + "." + (bytes[from + 2] & 0xff) + "."
                + (bytes[from + 3] & 0xff);
    }

    /** RFC 5952 text: lower case, the longest run of two or more zero groups as ::, mapped IPv4 dotted. */
    private static String v6Text(byte[] bytes) {
        if (isMapped(bytes)) {
            return "::ffff:" + v4Text(bytes, 12);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (bytes[2 * i] & 0xff) << 8 | bytes[2 * i + 1] & 0xff;
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
