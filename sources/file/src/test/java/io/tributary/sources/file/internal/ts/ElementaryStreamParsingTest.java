package io.tributary.sources.file.internal.ts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** The pieces the ffmpeg-made files do not reach: CRC-protected ADTS, odd start codes, wrap-around both ways. */
class ElementaryStreamParsingTest {
    @Test
    void adtsFramesWithCrcAreServedWithoutHeaderAndCrcAndTimedFromTheirPesPts() throws IOException {
        byte[] payload = concat(adts(false, 5), adts(true, 3), adts(false, 4));
        AudioIndexer audio = new AudioIndexer(0x101, false);
        audio.beginPes(90000, 90000);
        audio.payload(payload, 0, 10, 7, 0); // the first packet holds 10 bytes
        audio.payload(payload, 10, payload.length, 9, 10); // the rest is in packet 9, whose payload starts at 10
        audio.finishPes();
        audio.end(false);
        TsSamples samples = audio.samples().build();
        assertEquals(3, samples.count());
        assertEquals(5, samples.size(0));
        assertEquals(7, samples.firstPacket(0));
        assertEquals(7, samples.offset(0));
        assertEquals(3, samples.size(1), "header and CRC are not part of the frame");
        assertEquals(9, samples.firstPacket(1));
        assertEquals(12 + 9 - 10, samples.offset(1), "after the 9-byte header");
        assertEquals(2, samples.detail(2), "the third frame of the PES");
        assertEquals(ByteBuffer.wrap(new byte[] {0x11, (byte) 0x90}), audio.format().codecConfig(), "AAC-LC 48 kHz stereo");
        assertEquals("MPEG4-GENERIC", audio.format().encoding().name());
    }

    @Test
    void bytesBeforeASyncwordAreSkippedAndAStreamThatIsNotAdtsIsNotPlayed() throws IOException {
        AudioIndexer probing = new AudioIndexer(0x101, true);
        probing.beginPes(0, 0);
        byte[] teletext = {0x10, 0x02, (byte) 0xFF, (byte) 0xF1, 0x50, (byte) 0x80, 0x01, (byte) 0xBF, (byte) 0xFC, 1};
        probing.payload(teletext, 0, teletext.length, 0, 0);
        probing.end(false);
        assertEquals(null, probing.format(), "private data that does not start with ADTS");

        AudioIndexer declared = new AudioIndexer(0x101, false);
        declared.beginPes(0, 0);
        byte[] junkThenFrame = concat(new byte[] {0x10, (byte) 0xFF, 0x02}, adts(false, 2));
        declared.payload(junkThenFrame, 0, junkThenFrame.length, 0, 0);
        declared.end(false);
        assertEquals(1, declared.samples().count());
    }

    @Test
    void timesUnwrappedBelowZeroStillTimeTheirFrames() throws IOException {
        AudioIndexer audio = new AudioIndexer(0x101, false);
        audio.beginPes(-3000, -3000); // the stream started just after a wrap, this PES just before it
        byte[] frame = adts(false, 4);
        audio.payload(frame, 0, frame.length, 0, 0);
        audio.end(false);
        assertEquals(-3000, audio.samples().build().pts(0));
    }

    @Test
    void annexBAccessUnitsGetFourByteLengthsWhateverTheirStartCodes() throws IOException {
        byte[] au = {0, 0, 0, 1, 9, (byte) 0xF0, 0, 0, 1, 0x65, 1, 2, 0, 0, 0, 0, 1, 0x41, 7, 0, 0};
        ByteBuffer out = AnnexB.toLengthPrefixed(au, au.length);
        assertEquals(ByteBuffer.wrap(new byte[] {0, 0, 0, 2, 9, (byte) 0xF0, 0, 0, 0, 3, 0x65, 1, 2, 0, 0, 0, 2, 0x41, 7}),
                out, "trailing zeros belong to no unit");
        assertThrows(IOException.class, () -> AnnexB.toLengthPrefixed(new byte[] {5, 0, 0, 1, 0x65}, 5));
        assertThrows(IOException.class, () -> AnnexB.toLengthPrefixed(new byte[] {0, 0, 1, 0, 0, 1}, 6));
    }

    @Test
    void timestampsUnwrapForwardPastTheWrapAndStayBehindForReorderedFrames() {
        Unwrapper times = new Unwrapper();
        long wrap = Unwrapper.WRAP;
        assertEquals(wrap - 3000, times.unwrap(wrap - 3000));
        assertEquals(wrap + 600, times.unwrap(600), "past 2^33");
        assertEquals(wrap - 1200, times.unwrap(wrap - 1200), "a B-frame shown before the wrap");
        assertEquals(wrap + 90000, times.unwrap(90000));
        Unwrapper early = new Unwrapper();
        assertEquals(100, early.unwrap(100));
        assertEquals(-200, early.unwrap(wrap - 200), "before the first value, across the wrap");
        assertEquals(300, early.unwrap(300), "a negative value is a value, not 'unset'");
    }

    @Test
    void pesHeadersGiveTheirTimesAndRefuseWhatDoesNotFit() throws IOException {
        long pts = Unwrapper.WRAP - 1; // all 33 bits set
        long dts = 118800;
        byte[] header = concat(new byte[] {0, 0, 1, (byte) 0xE0, 0, 0, (byte) 0x80, (byte) 0xC0, 10},
                timestamp(3, pts), timestamp(1, dts));
        PesHeader pes = PesHeader.parse(header, 0, header.length);
        assertEquals(19, pes.length());
        assertEquals(-1, pes.payloadLength(), "unbounded video PES");
        assertEquals(pts, pes.pts());
        assertEquals(dts, pes.dts());
        assertThrows(IOException.class, () -> PesHeader.parse(header, 0, 12), "header cut");
        header[5] = 5; // PES_packet_length shorter than the header
        assertThrows(IOException.class, () -> PesHeader.parse(header, 0, header.length));
    }

    /** A PTS or DTS field: 4-bit prefix, 33 bits with marker bits. */
    private static byte[] timestamp(int prefix, long value) {
        return new byte[] {(byte) (prefix << 4 | (value >> 29) & 0x0E | 1), (byte) (value >> 22),
                (byte) ((value >> 14) & 0xFE | 1), (byte) (value >> 7), (byte) ((value << 1) & 0xFE | 1)};
    }

    /** An ADTS frame of AAC-LC, 48 kHz, stereo with {@code raw} raw bytes, with or without CRC. */
    private static byte[] adts(boolean crc, int raw) {
        int header = crc ? 9 : 7;
        int length = header + raw;
        byte[] frame = new byte[length];
        frame[0] = (byte) 0xFF;
        frame[1] = (byte) (crc ? 0xF0 : 0xF1);
        frame[2] = (byte) (1 << 6 | 3 << 2); // profile LC (1), rate index 3 (48 kHz), channels high bit 0
        frame[3] = (byte) (2 << 6 | (length >> 11) & 3);
        frame[4] = (byte) (length >> 3);
        frame[5] = (byte) ((length & 7) << 5 | 0x1F);
        frame[6] = (byte) 0xFC; // one raw data block
        for (int i = header; i < length; i++) {
            frame[i] = (byte) (0x20 + i);
        }
        return frame;
    }

    private static byte[] concat(byte[]... parts) {
        ByteBuffer out = ByteBuffer.allocate(java.util.Arrays.stream(parts).mapToInt(p -> p.length).sum());
        for (byte[] part : parts) {
            out.put(part);
        }
        return out.array();
    }
}
