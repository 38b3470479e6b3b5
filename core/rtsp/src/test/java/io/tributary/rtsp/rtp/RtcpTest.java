package io.tributary.rtsp.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class RtcpTest {

    @Test
    void senderReportWithCnameParsesBack() {
        ByteBuffer b = ByteBuffer.allocate(100);
        long ntp = NtpTime.fromEpochMillis(1_795_000_000_123L);
        int n = RtcpSenderReport.write(b, 0xCAFEBABEL, ntp, 0xFFFF_FFF0L, 1000, 1_200_000, "tributary");
        assertEquals(28 + 4 + 4 + 12, n, "SR 28 + SDES header 4 + SSRC 4 + item 2+9 padded to 12");
        assertEquals(n, b.position());
        b.flip();
        assertEquals(0, b.get(n - 1), "CNAME item ends with a zero byte");
        assertEquals(List.of(
                new RtcpPacket.SenderReport(0xCAFEBABEL, ntp, 0xFFFF_FFF0L, 1000, 1_200_000, List.of()),
                new RtcpPacket.Other(202)), RtcpParser.parse(b));
    }

    @Test
    void cnameOfAMultipleOfFourGetsAFullPaddingWord() {
        ByteBuffer b = ByteBuffer.allocate(100);
        int n = RtcpSenderReport.write(b, 1, 0, 0, 0, 0, "ab");
        assertEquals(28 + 8 + 8, n, "item 2 + text 2 fills a word: the terminating zero needs another");
        assertEquals(2, RtcpParser.parse(b.flip()).size());
    }

    @Test
    void byeFollowsTheSenderReportInOneCompound() {
        ByteBuffer b = ByteBuffer.allocate(100);
        RtcpSenderReport.write(b, 5, 0, 0, 0, 0, "x");
        assertEquals(8, RtcpBye.write(b, 5));
        List<RtcpPacket> packets = RtcpParser.parse(b.flip());
        assertEquals(new RtcpPacket.Bye(List.of(5L)), packets.getLast());
        assertEquals(3, packets.size());
    }

    @Test
    void receiverReportFromAClientIsRead() {
        // RR, 1 block: ssrc 0x11223344 reporting on 0xCAFEBABE, 25% lost, cumulative -2, ext seq 0x00010005,
        // jitter 17, LSR 0x12345678, DLSR 0x00010000; then an SDES with CNAME "vlc"
        ByteBuffer b = ByteBuffer.wrap(HexFormat.of().parseHex(
                ("81c90007 11223344 cafebabe 40fffffe 00010005 00000011 12345678 00010000"
                        + "81ca0003 11223344 0103766c 63000000").replace(" ", "")));
        List<RtcpPacket> packets = RtcpParser.parse(b);
        assertEquals(new RtcpPacket.ReceiverReport(0x11223344L, List.of(new RtcpPacket.ReportBlock(
                0xCAFEBABEL, 64, -2, 0x00010005L, 17, 0x12345678L, 0x00010000L))), packets.getFirst());
        assertEquals(new RtcpPacket.Other(202), packets.get(1));
    }

    @Test
    void malformedCompoundsYieldThePacketsBeforeTheDamage() {
        ByteBuffer b = ByteBuffer.allocate(100);
        RtcpBye.write(b, 1);
        b.put(HexFormat.of().parseHex("81c90007 11223344".replace(" ", ""))); // RR claiming more than is there
        assertEquals(List.of(new RtcpPacket.Bye(List.of(1L))), RtcpParser.parse(b.flip()));
        assertTrue(RtcpParser.parse(ByteBuffer.wrap(new byte[] {0x40, 0, 0, 0})).isEmpty(), "version 1");
        assertTrue(RtcpParser.parse(ByteBuffer.wrap(HexFormat.of().parseHex("82c9000111223344"))).isEmpty(),
                "two report blocks announced, none present");
    }

    @Test
    void ntpTimeConvertsBothWays() {
        assertEquals(2_208_988_800L << 32, NtpTime.fromEpochMillis(0));
        assertEquals((2_208_988_800L << 32) | 0x8000_0000L, NtpTime.fromEpochMillis(500));
        long now = 1_795_000_000_123L;
        assertEquals(now, NtpTime.toEpochMillis(NtpTime.fromEpochMillis(now)));
        assertEquals(NtpTime.fromEpochMillis(now), NtpTime.fromInstant(Instant.ofEpochMilli(now)));
        assertEquals(0x5678_9ABCL, NtpTime.middle32(0x1234_5678_9ABC_DEF0L));
    }
}
