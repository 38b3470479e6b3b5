package io.tributary.codecs.h265.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.api.media.AccessUnit;
import io.tributary.api.media.Encoding;
import io.tributary.api.media.MediaType;
import io.tributary.api.media.TrackDescription;
import io.tributary.api.payload.nal.NalUnits;
import io.tributary.api.testing.PayloadRoundTrip;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class H265RoundTripTest {
    static final Encoding H265 = new Encoding("H265", 90000, 0);
    private final H265PayloadFormat format = new H265PayloadFormat();

    /** A NAL unit of {@code type}, layer 0, TID 1, with {@code size} bytes in all (header included). */
    static ByteBuffer nal(int type, int size, Random random) {
        byte[] nal = new byte[size];
        random.nextBytes(nal);
        nal[0] = (byte) (type << 1);
        nal[1] = 1;
        if (size > 2) {
            nal[2] |= (byte) 0x80; // first_slice_segment_in_pic_flag, for slices
        }
        return ByteBuffer.wrap(nal);
    }

    /** An access unit of the NAL units, each behind its 4-byte length. */
    static AccessUnit unit(long time, boolean keyframe, List<ByteBuffer> nals) {
        int size = nals.stream().mapToInt(n -> 4 + n.remaining()).sum();
        ByteBuffer data = ByteBuffer.allocate(size);
        nals.forEach(n -> data.putInt(n.remaining()).put(n.duplicate()));
        return new AccessUnit(0, time, time, keyframe, data.flip());
    }

    @Test
    void unitsOfSmallAndLargeNalUnitsComeThroughByteForByte() {
        Random random = new Random(7);
        List<AccessUnit> units = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            List<ByteBuffer> nals = new ArrayList<>();
            if (i % 20 == 0) {
                nals.add(nal(HevcNalUnitType.AUD, 3, random));
                nals.add(nal(19, 1 + random.nextInt(30_000), random)); // IDR_W_RADL
            } else {
                for (int n = 0; n < 1 + random.nextInt(4); n++) {
                    nals.add(nal(1, 3 + random.nextInt(random.nextBoolean() ? 200 : 5000), random));
                }
            }
            units.add(unit(3000L * i, i % 20 == 0, nals));
        }
        TrackDescription track = new TrackDescription(0, MediaType.VIDEO, H265, null, 0, 0, 0);

        List<AccessUnit> relayed = PayloadRoundTrip.relay(format, track, 1200, units);

        assertEquals(units.size(), relayed.size());
        for (int i = 0; i < units.size(); i++) {
            assertEquals(units.get(i).dataView(), relayed.get(i).dataView(), "unit " + i);
            assertEquals(units.get(i).presentationTime(), relayed.get(i).presentationTime());
            assertEquals(units.get(i).keyframe(), relayed.get(i).keyframe(), "keyframe " + i);
        }
    }

    @Test
    void aKeyframeWithoutParameterSetsGetsTheConfigurationsAfterItsDelimiter() {
        Random random = new Random(1);
        ByteBuffer vps = nal(HevcNalUnitType.VPS, 24, random);
        ByteBuffer sps = nal(HevcNalUnitType.SPS, 40, random);
        ByteBuffer pps = nal(HevcNalUnitType.PPS, 7, random);
        ByteBuffer hvcC = new HevcConfiguration(List.of(vps), List.of(sps), List.of(pps)).record();
        TrackDescription track = new TrackDescription(0, MediaType.VIDEO, H265, hvcC, 0, 0, 0);
        ByteBuffer aud = nal(HevcNalUnitType.AUD, 3, random);
        ByteBuffer cra = nal(21, 3000, random);
        ByteBuffer trail = nal(1, 500, random);

        List<AccessUnit> relayed = PayloadRoundTrip.relay(format, track, 1400,
                List.of(unit(0, true, List.of(aud, cra)), unit(3000, false, List.of(trail))));

        assertEquals(List.of(aud, vps, sps, pps, cra), NalUnits.split(relayed.get(0).dataView()));
        assertTrue(relayed.get(0).keyframe());
        assertEquals(List.of(trail), NalUnits.split(relayed.get(1).dataView()), "no parameter sets for others");
    }

    @Test
    void aggregationAndFragmentHeadersFollowRfc7798() {
        Random random = new Random(3);
        ByteBuffer small1 = nal(1, 10, random);
        ByteBuffer small2 = nal(1, 12, random);
        small2.put(1, (byte) ((1 << 3) | 2)); // LayerId 1, TID 2
        List<ByteBuffer> aggregate = new H265Packetizer(1400, List.of()).packetize(unit(0, false,
                List.of(small1, small2)));
        assertEquals(1, aggregate.size());
        assertEquals(HevcNalUnitType.AP, HevcNalUnitType.of(aggregate.getFirst().get(0)));
        assertEquals(1, aggregate.getFirst().get(1), "lowest LayerId (0) and TID (1)");

        ByteBuffer big = nal(20, 3000, random);
        List<ByteBuffer> fragments = new H265Packetizer(1400, List.of()).packetize(unit(0, true, List.of(big)));
        assertEquals(3, fragments.size());
        assertEquals(HevcNalUnitType.FU, HevcNalUnitType.of(fragments.getFirst().get(0)));
        assertEquals(big.get(1), fragments.getFirst().get(1));
        assertEquals((byte) (0x80 | 20), fragments.getFirst().get(2), "S and the NAL unit's type");
        assertEquals((byte) 20, fragments.get(1).get(2));
        assertEquals((byte) (0x40 | 20), fragments.get(2).get(2), "E");
        assertTrue(fragments.stream().allMatch(f -> f.remaining() <= 1400));
    }
}
