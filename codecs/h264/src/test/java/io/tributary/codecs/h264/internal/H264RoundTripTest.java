package io.tributary.codecs.h264.internal;

import static io.tributary.codecs.h264.internal.Fixtures.bytes;
import static io.tributary.codecs.h264.internal.Fixtures.nal;
import static io.tributary.codecs.h264.internal.Fixtures.unit;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tributary.api.media.AccessUnit;
import io.tributary.api.payload.nal.NalUnits;
import io.tributary.api.testing.PayloadRoundTrip;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Packetize, send as RTP, depacketize: the same access units come out. */
class H264RoundTripTest {
    @ParameterizedTest(name = "max payload {0}")
    @ValueSource(ints = {3, 4, 17, 100, 576, 1200, 1400, 65_535, 200_000})
    void accessUnitsOfSmallHugeAndManyNalUnitsComeBackUnchanged(int maxPayloadSize) {
        byte[] sps = nal(0x67, 12, 1);
        byte[] pps = nal(0x68, 4, 2);
        byte[] huge = nal(0x65, 150_000, 3);
        List<AccessUnit> units = new ArrayList<>();
        units.add(unit(0, true, sps, pps, huge));
        units.add(unit(3000, false, nal(0x41, 1, 4)));
        byte[][] many = new byte[40][];
        for (int i = 0; i < many.length; i++) {
            many[i] = nal(0x01, 1 + i * 37, 100 + i);
        }
        units.add(unit(6000, false, many));
        units.add(unit(9000, false, nal(0x41, 2000, 5), nal(0x01, 3, 6), nal(0x01, 70_000, 7)));

        List<AccessUnit> received = roundTrip(units, maxPayloadSize);

        assertSameUnits(units, received);
    }

    @ParameterizedTest(name = "max payload {0}")
    @ValueSource(ints = {500, 1200, 1460})
    void aRealEncoderGroupComesBackWithTheParameterSetsBeforeItsKeyframe(int maxPayloadSize) {
        ByteBuffer idr = Fixtures.resource(Fixtures.IDR_SAMPLE);
        ByteBuffer p = Fixtures.resource(Fixtures.P_SAMPLE);
        List<AccessUnit> units = List.of(new AccessUnit(0, 0, 0, true, idr), new AccessUnit(0, 3000, 3000, false, p));

        List<AccessUnit> received = roundTrip(units, maxPayloadSize);

        List<ByteBuffer> nals = NalUnits.split(idr.duplicate());
        ByteBuffer idrWithParameterSets =
                Fixtures.avcc(Fixtures.SPS, Fixtures.PPS, bytes(nals.get(0)), bytes(nals.get(1)));
        List<AccessUnit> expected = List.of(new AccessUnit(0, 0, 0, true, idrWithParameterSets), units.get(1));
        assertSameUnits(expected, received);
    }

    /** Packetizes each unit with its own timestamp and consecutive sequence numbers across units. */
    private static List<AccessUnit> roundTrip(List<AccessUnit> units, int maxPayloadSize) {
        H264Packetizer packetizer = new H264Packetizer(maxPayloadSize, Fixtures.parameterSets());
        H264Depacketizer depacketizer = new H264Depacketizer(0, H264Depacketizer.DEFAULT_MAX_UNIT_SIZE);
        return PayloadRoundTrip.roundTrip(packetizer, maxPayloadSize, depacketizer, units, 65_000);
    }

    static void assertSameUnits(List<AccessUnit> expected, List<AccessUnit> actual) {
        assertEquals(expected.size(), actual.size(), "access units");
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).presentationTime(), actual.get(i).presentationTime(), "time of unit " + i);
            assertEquals(expected.get(i).keyframe(), actual.get(i).keyframe(), "keyframe flag of unit " + i);
            assertArrayEquals(bytes(expected.get(i).dataView()), bytes(actual.get(i).dataView()), "data of unit " + i);
        }
    }
}
