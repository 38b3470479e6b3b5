package io.tributary.codecs.h264.internal;

import static io.tributary.codecs.h264.internal.Fixtures.bytes;
import static io.tributary.codecs.h264.internal.Fixtures.nal;
import static io.tributary.codecs.h264.internal.Fixtures.unit;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.api.media.AccessUnit;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class H264PacketizerTest {
    private static final List<ByteBuffer> PARAMETER_SETS = Fixtures.parameterSets();

    @Test
    void aNalUnitThatFitsIsSentAsItselfSharingTheAccessUnitsBytes() {
        byte[] slice = nal(0x41, 500, 1);
        AccessUnit unit = unit(0, false, slice);

        List<ByteBuffer> payloads = new H264Packetizer(1200, PARAMETER_SETS).packetize(unit);

        assertEquals(1, payloads.size());
        assertArrayEquals(slice, bytes(payloads.getFirst()));
        assertTrue(payloads.getFirst().isReadOnly());
    }

    @Test
    void smallConsecutiveNalUnitsShareOneStapAWithSixteenBitSizes() {
        byte[] sei = nal(0x06, 10, 2);
        byte[] slice = nal(0x21, 20, 3);

        List<ByteBuffer> payloads = new H264Packetizer(1200, List.of()).packetize(unit(0, false, sei, slice));

        assertEquals(1, payloads.size());
        ByteBuffer expected = ByteBuffer.allocate(1 + 2 + 10 + 2 + 20)
                .put((byte) (0x20 | 24)).putShort((short) 10).put(sei).putShort((short) 20).put(slice).flip();
        assertArrayEquals(bytes(expected), bytes(payloads.getFirst()));
    }

    @Test
    void aNalUnitLargerThanThePayloadIsCutIntoFuAFragmentsWithStartAndEndBits() {
        byte[] idr = nal(0x65, 2500, 4);

        List<ByteBuffer> payloads = new H264Packetizer(1000, List.of()).packetize(unit(0, false, idr));

        assertEquals(3, payloads.size());
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int i = 0; i < payloads.size(); i++) {
            byte[] fu = bytes(payloads.get(i));
            assertTrue(fu.length <= 1000);
            assertEquals(0x60 | 28, fu[0] & 0xFF, "FU indicator keeps F and NRI");
            int startEnd = i == 0 ? 0x80 : i == payloads.size() - 1 ? 0x40 : 0;
            assertEquals(startEnd | 5, fu[1] & 0xFF, "FU header of fragment " + i);
            body.write(fu, 2, fu.length - 2);
        }
        byte[] expectedBody = new byte[idr.length - 1];
        System.arraycopy(idr, 1, expectedBody, 0, expectedBody.length);
        assertArrayEquals(expectedBody, body.toByteArray());
    }

    @Test
    void aKeyframeWithoutParameterSetsGetsThoseOfTheAvcCAfterItsDelimiter() {
        byte[] aud = {0x09, (byte) 0xF0};
        byte[] idr = nal(0x65, 3000, 5);

        List<ByteBuffer> payloads = new H264Packetizer(1400, PARAMETER_SETS).packetize(unit(0, true, aud, idr));

        ByteBuffer stap = ByteBuffer.allocate(1 + 2 + aud.length + 2 + Fixtures.SPS.length + 2 + Fixtures.PPS.length)
                .put((byte) (0x60 | 24))
                .putShort((short) aud.length).put(aud)
                .putShort((short) Fixtures.SPS.length).put(Fixtures.SPS)
                .putShort((short) Fixtures.PPS.length).put(Fixtures.PPS)
                .flip();
        assertArrayEquals(bytes(stap), bytes(payloads.getFirst()));
        assertEquals(28, payloads.get(1).get(0) & 0x1F);
    }

    @Test
    void anIdrSliceCountsAsKeyframeEvenWhenTheUnitIsNotFlagged() {
        AccessUnit unflagged = unit(0, false, nal(0x65, 50, 6));

        List<ByteBuffer> payloads = new H264Packetizer(1400, PARAMETER_SETS).packetize(unflagged);

        assertEquals(1, payloads.size());
        assertEquals(24, payloads.getFirst().get(0) & 0x1F, "SPS, PPS and the small IDR in one STAP-A");
        assertEquals(Fixtures.SPS.length, payloads.getFirst().getShort(1));
    }

    @Test
    void aKeyframeThatCarriesItsParameterSetsIsLeftAlone() {
        byte[] sps = nal(0x67, 10, 7);
        byte[] pps = nal(0x68, 4, 8);
        byte[] idr = nal(0x65, 5000, 9);

        List<ByteBuffer> payloads = new H264Packetizer(1400, PARAMETER_SETS).packetize(unit(0, true, sps, pps, idr));

        assertEquals(1 + 2 + sps.length + 2 + pps.length, payloads.getFirst().remaining());
    }

    @Test
    void aNonKeyframeGetsNoParameterSets() {
        byte[] slice = nal(0x41, 100, 10);

        List<ByteBuffer> payloads = new H264Packetizer(1400, PARAMETER_SETS).packetize(unit(0, false, slice));

        assertEquals(1, payloads.size());
        assertArrayEquals(slice, bytes(payloads.getFirst()));
    }

    @Test
    void marksTheLastPacketOfEachAccessUnit() {
        assertTrue(new H264Packetizer(1400, List.of()).markerOnLast());
    }

    @Test
    void refusesAPayloadSizeTooSmallForAFragment() {
        assertThrows(IllegalArgumentException.class, () -> new H264Packetizer(2, List.of()));
    }

    @Test
    void refusesAnAccessUnitWhoseLengthPrefixRunsPastItsEnd() {
        AccessUnit bad = new AccessUnit(0, 0, 0, false, ByteBuffer.wrap(new byte[] {0, 0, 0, 9, 0x41, 1}));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new H264Packetizer(1400, List.of()).packetize(bad));
        assertEquals("NAL unit length 9 exceeds the 2 bytes left in the access unit", e.getMessage());
    }
}
