package io.tributary.transports.multicast.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            239.255.0.0/16   | false | 239.255.0.0/16 | 65536
            239.255.7.4/30   | false | 239.255.7.4/30 | 4
            ' 224.0.0.0/4 '  | false | 224.0.0.0/4    | 268435456
            ff15::/64        | true  | ff15::/64      | 2147483647
            ff15:0:0::/120   | true  | ff15::/120     | 256
            """)
    void groupRangesAreAddressAndPrefix(String text, boolean ipv6, String canonical, int size) {
        GroupRange range = GroupRange.parse(text, ipv6);
        assertEquals(size, range.size());
        assertEquals(canonical, range.toString());
        assertEquals(range, GroupRange.parse(range.toString(), ipv6));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            239.255.0.0      | false | is not address/prefix
            239.255.0.0/33   | false | prefix is at most 32
            239.255.0.0/x    | false | the prefix is not a number
            239.255.0.0/-1   | false | the prefix is not a number
            10.0.0.0/8       | false | is not wholly multicast
            224.0.0.0/3      | false | is not wholly multicast
            239.255.1.0/16   | false | has bits set after the prefix
            ff15::/64        | false | does not start with an IPv4 address
            239.255.0.0/16   | true  | does not start with an IPv6 address
            fe80::/64        | true  | is not wholly multicast
            ff15::1/64       | true  | has bits set after the prefix
            example.com/16   | false | does not start with an IPv4 address
            """)
    void badGroupRangesSayWhatIsWrong(String text, boolean ipv6, String reason) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GroupRange.parse(text, ipv6));
        assertEquals(true, e.getMessage().contains(reason), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            20000-29998  | 5000
            20000-29999  | 5000
            20000-20000  | 1
            ' 1024 - 1025 ' | 1
            64000-65534  | 768
            """)
    void portRangesHoldEvenRtpPorts(String text, int pairs) {
        assertEquals(pairs, PortPairs.parse(text).count());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            20000        | is not a port range
            20001-29998  | starts on an odd port
            80-90        | starts below 1024
            30000-20000  | must end at or after its start
            20000-65535  | at most at 65534
            20000-999999 | is not a port range
            a-b          | is not a port range
            """)
    void badPortRangesSayWhatIsWrong(String text, String reason) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PortPairs.parse(text));
        assertEquals(true, e.getMessage().contains(reason), e.getMessage());
    }
}
