package io.tributary.codecs.aac.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tributary.api.media.AccessUnit;
import io.tributary.api.testing.PayloadRoundTrip;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Packetize, send as RTP, depacketize: the same access units come out. */
class AacRoundTripTest {
    @ParameterizedTest(name = "max payload {0}")
    @ValueSource(ints = {5, 6, 100, 371, 1400, 8195, 65_535})
    void unitsOfEverySizeAnAuSizeCanSayComeBackUnchanged(int maxPayloadSize) {
        AacPacketizer packetizer = new AacPacketizer(maxPayloadSize);
        AacDepacketizer depacketizer = new AacDepacketizer(0, 1024);
        Random random = new Random(maxPayloadSize);
        int[] sizes = {1, 2, 200, 371, 1396, 4000, 8191, 6};
        List<AccessUnit> sent = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            byte[] data = new byte[sizes[i]];
            random.nextBytes(data);
            sent.add(new AccessUnit(0, i * 1024L, i * 1024L, true, ByteBuffer.wrap(data)));
        }

        List<AccessUnit> received = PayloadRoundTrip.roundTrip(packetizer, maxPayloadSize, depacketizer, sent, 65_530);

        assertEquals(0, depacketizer.droppedUnits());
        assertEquals(sent.size(), received.size());
        for (int i = 0; i < sent.size(); i++) {
            assertEquals(sent.get(i).presentationTime(), received.get(i).presentationTime());
            byte[] expected = AacDepacketizerTest.bytes(sent.get(i));
            assertArrayEquals(expected, AacDepacketizerTest.bytes(received.get(i)), "unit " + i);
        }
    }
}
