package io.tributary.auth.users.internal.permit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressRangeTest {
    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            10.0.0.0/8        | 10.0.0.5              | true
            10.0.0.0/8        | 10.255.255.255        | true
            10.0.0.0/8        | 11.0.0.0              | false
            127.0.0.0/8       | 127.0.0.1             | true
            127.0.0.0/8       | 127.1.2.3             | true
            192.168.1.5       | 192.168.1.5           | true
            192.168.1.5       | 192.168.1.6           | false
            192.168.1.4/31    | 192.168.1.5           | true
            192.168.1.4/31    | 192.168.1.6           | false
            0.0.0.0/0         | 8.8.8.8               | true
            0.0.0.0/0         | ::1                   | false
            2001:db8::/32     | 2001:db8:1:2::3       | true
            2001:db8::/32     | 2001:db9::1           | false
            2001:db8::/32     | 10.0.0.5              | false
            ::1               | ::1                   | true
            ::1               | ::2                   | false
            ::1               | 127.0.0.1             | false
            fe80::/10         | fe80::1               | true
            fe80::/10         | febf::1               | true
            fe80::/10         | fec0::1               | false
            ::/0              | 2001:db8::1           | true
            ::/0              | 10.0.0.5              | true
            ::ffff:0:0/96     | 10.0.0.5              | true
            ::ffff:10.0.0.0/104 | 10.1.2.3            | true
            ::ffff:10.0.0.0/104 | 11.1.2.3            | false
            """)
    void containsTheAddressesOfItsPrefix(String range, String address, boolean expected) throws Exception {
        assertEquals(expected, AddressRange.parse(range).contains(InetAddress.getByName(address)));
    }

    @Test
    void ipv4RangesMatchIpv4MappedIpv6Clients() throws UnknownHostException {
        // Inet6Address.getByAddress keeps the IPv6 form (InetAddress.getByAddress would turn it into IPv4)
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 10, 0, 0, 5};
        InetAddress client = Inet6Address.getByAddress(null, mapped, -1);
        assertEquals(16, client.getAddress().length);
        assertTrue(AddressRange.parse("10.0.0.0/8").contains(client));
        assertTrue(AddressRange.parse("10.0.0.5").contains(client));
        assertFalse(AddressRange.parse("127.0.0.0/8").contains(client));
        assertFalse(AddressRange.parse("::1").contains(client));
    }

    @Test
    void anUnknownAddressIsInNoRange() {
        assertFalse(AddressRange.parse("0.0.0.0/0").contains(null));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            10.0.0.0/8                              | 10.0.0.0/8
            192.168.1.5/32                          | 192.168.1.5
            2001:DB8:0:0:0:0:0:0/32                 | 2001:db8::/32
            0:0:0:0:0:0:0:1                         | ::1
            ::                                      | ::
            1::                                     | 1::
            1:0:0:2:0:0:0:3                         | 1:0:0:2::3
            1:0:0:2:0:0:3:4                         | 1::2:0:0:3:4
            ::ffff:10.0.0.5                         | ::ffff:10.0.0.5
            ::ffff:a00:5                            | ::ffff:10.0.0.5
            1:2:3:4:5:6:7::                         | 1:2:3:4:5:6:7:0
            64:ff9b::192.0.2.33                     | 64:ff9b::c000:221
            """)
    void printsTheCanonicalFormWhichParsesBack(String text, String canonical) {
        AddressRange range = AddressRange.parse(text);
        assertEquals(canonical, range.toString());
        assertEquals(range, AddressRange.parse(canonical));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10", "10.0.0", "10.0.0.0.0", "256.0.0.1", "010.0.0.1", "1.2.3.-4", "a.b.c.d",
            "10.0.0.0/33", "10.0.0.0/", "10.0.0.0/-1", "10.0.0.0/08x", "10.0.0.0/8/8", "::1/129", ":::1", "1::2::3",
            "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "12345::", "::g", "fe80::1%eth0", "::1.2.3.4.5", "1.2.3.4::",
            "::1.2.3.4:5", ":1::", "1:2:3:4:5:6:7:8::", "localhost", "example.org", "١٢٧.0.0.1", " 10.0.0.1"})
    void refusesWhatIsNotAnAddressLiteral(String text) {
        assertThrows(IllegalArgumentException.class, () -> AddressRange.parse(text));
    }

    @Test
    void refusesBitsPastThePrefixAndSuggestsTheRange() {
        assertEquals("\"10.0.0.1/8\" has bits set past the prefix length (did you mean 10.0.0.0/8?)",
                assertThrows(IllegalArgumentException.class, () -> AddressRange.parse("10.0.0.1/8")).getMessage());
        assertEquals("\"2001:db8::1/32\" has bits set past the prefix length (did you mean 2001:db8::/32?)",
                assertThrows(IllegalArgumentException.class, () -> AddressRange.parse("2001:db8::1/32")).getMessage());
    }
}
