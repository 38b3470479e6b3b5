package io.tributary.transports.multicast.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.rtsp.message.RtspException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupAllocatorTest {

    @Test
    void eachGroupGetsAnAddressAndAPortPairOfItsOwn() {
        GroupAllocator allocator = allocator("239.255.0.0/16", "20000-29998");
        GroupAddress first = allocator.allocate();
        GroupAddress second = allocator.allocate();
        assertEquals("239.255.0.0:20000", first.toString());
        assertEquals("239.255.0.1:20002", second.toString());
        assertEquals(20001, first.rtcp().getPort());
        assertEquals(2, allocator.inUse());
    }

    @Test
    void ipv6GroupsCountUpInTheLowBits() {
        GroupAllocator allocator = new GroupAllocator(GroupRange.parse("ff15::/64", true), PortPairs.parse("30000-30010"));
        allocator.allocate();
        GroupAddress second = allocator.allocate();
        assertEquals("ff15::1", second.literal());
        assertEquals("[ff15::1]:30002", second.toString());
    }

    @Test
    void anIpv4AndAnIpv6GroupInUseAtOnceNeverShareAPort() {
        // a dual-stack player bound to [::]:20000 for the IPv4 group would receive an IPv6 group on 20000 too
        GroupAllocator ipv4 = allocator("239.255.0.0/16", "20000-29998");
        GroupAllocator ipv6 = ipv4.sharingPorts(GroupRange.parse("ff15::/64", true));
        GroupAddress first = ipv4.allocate();
        assertEquals("239.255.0.0:20000", first.toString());
        assertEquals("[ff15::1]:20002", ipv6.allocate().toString());
        assertEquals("239.255.0.2:20004", ipv4.allocate().toString());
        assertEquals(3, ipv6.inUse());

        ipv4.free(first);
        assertEquals("[ff15::]:20000", ipv6.allocate().toString(), "a pair the other family freed is free again");
    }

    @Test
    void portPairsTheOtherFamilyHoldsCountAgainstTheGroups() {
        GroupAllocator ipv4 = allocator("239.255.0.0/16", "20000-20002");
        GroupAllocator ipv6 = ipv4.sharingPorts(GroupRange.parse("ff15::/64", true));
        ipv6.allocate();
        GroupAddress last = ipv4.allocate();
        assertEquals(453, assertThrows(RtspException.class, ipv4::allocate).status().code());
        RtspException full = assertThrows(RtspException.class, ipv6::allocate);
        assertTrue(full.getMessage().contains("all 2 multicast groups (ff15::/64, ports 20000-20002)"),
                full.getMessage());
        ipv4.free(last);
        assertEquals("[ff15::1]:20002", ipv6.allocate().toString());
    }

    @Test
    void addressesCarryIntoHigherBytes() {
        GroupRange range = GroupRange.parse("239.255.0.0/16", false);
        assertEquals("239.255.1.0", range.address(256).getHostAddress());
        assertEquals("239.255.255.255", range.address(65535).getHostAddress());
        assertThrows(IndexOutOfBoundsException.class, () -> range.address(65536));
    }

    @Test
    void aFreedGroupIsUsedAgainFirst() {
        GroupAllocator allocator = allocator("239.255.0.0/16", "20000-29998");
        List<GroupAddress> taken = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            taken.add(allocator.allocate());
        }
        allocator.free(taken.get(1));
        assertEquals(taken.get(1), allocator.allocate());
        assertEquals("239.255.0.3:20006", allocator.allocate().toString());
    }

    @Test
    void theSmallerOfAddressesAndPortPairsBoundsTheGroups() {
        assertEquals(4, allocator("239.255.7.0/30", "20000-29998").capacity());
        assertEquals(3, allocator("239.255.0.0/16", "20000-20004").capacity());
        assertEquals(3, allocator("239.255.0.0/16", "20000-20005").capacity());
        assertEquals(5000, allocator("239.255.0.0/16", "20000-29998").capacity());
        assertEquals(1, allocator("239.255.0.9/32", "20000-29998").capacity());
    }

    @Test
    void whenEveryGroupIsInUseSetupGets453NamingTheRanges() {
        GroupAllocator allocator = allocator("239.255.7.0/31", "20000-29998");
        GroupAddress first = allocator.allocate();
        allocator.allocate();
        RtspException full = assertThrows(RtspException.class, allocator::allocate);
        assertEquals(453, full.status().code());
        assertTrue(full.getMessage().contains("all 2 multicast groups (239.255.7.0/31, ports 20000-29998)"),
                full.getMessage());
        allocator.free(first);
        assertEquals(first, allocator.allocate());
    }

    private static GroupAllocator allocator(String range, String ports) {
        return new GroupAllocator(GroupRange.parse(range, false), PortPairs.parse(ports));
    }
}
