package io.tributary.transports.multicast.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import io.tributary.api.path.PathPattern;

/**
 * Whatever an operator writes in the configuration, the parsers either refuse it with an
 * {@link IllegalArgumentException} whose message is one line, or read a value whose text reads
 * back to the same value and whose every group address lies inside it.
 */
class SettingsFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void groupRangesReadBackOrAreRefused(@NotNull String text, boolean ipv6, int index) {
        GroupRange range;
        try {
            range = GroupRange.parse(text, ipv6);
        } catch (IllegalArgumentException refused) {
            assertFalse(refused.getMessage().contains("\n") && !text.contains("\n"), refused.getMessage());
            return;
        }
        assertEquals(ipv6, range.ipv6());
        assertEquals(range, GroupRange.parse(range.toString(), ipv6));
        int slot = Math.floorMod(index, range.size());
        assertTrue(range.address(slot).isMulticastAddress(), range + " slot " + slot);
    }

    @FuzzTest(maxDuration = "60s")
    void portRangesReadBackOrAreRefused(@NotNull String text, int index) {
        PortPairs ports;
        try {
            ports = PortPairs.parse(text);
        } catch (IllegalArgumentException refused) {
            return;
        }
        assertEquals(ports, PortPairs.parse(ports.toString()));
        int port = ports.rtpPort(Math.floorMod(index, ports.count()));
        assertTrue(port % 2 == 0 && port >= 1024 && port + 1 <= 65535, ports + " gave " + port);
    }

    @FuzzTest(maxDuration = "60s")
    void pathPatternsReadBackOrAreRefused(@NotNull String text, @NotNull String path) {
        PathPattern pattern;
        try {
            pattern = PathPattern.parse(text);
        } catch (IllegalArgumentException refused) {
            return;
        }
        assertEquals(pattern, PathPattern.parse(pattern.text()));
        assertEquals(pattern.matches(path), PathPattern.parse(pattern.text()).matches(path));
        if (pattern.segments().stream().noneMatch(s -> s.contains("*"))) {
            assertTrue(pattern.matches(pattern.text()), pattern + " matches itself");
        }
    }
}
