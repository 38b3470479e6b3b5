package io.tributary.api.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.api.media.AccessUnit;
import io.tributary.api.media.RtpPacket;
import io.tributary.api.media.TrackDescription;
import io.tributary.api.payload.Depacketizer;
import io.tributary.api.payload.Packetizer;
import io.tributary.api.payload.PayloadFormat;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Access units through a packetizer and a depacketizer, as the sender and a receiver of one track see them. */
public final class PayloadRoundTrip {
    private PayloadRoundTrip() {
    }

    /**
     * The packets a sender sends for {@code units}: each unit's payloads under its presentation
     * time, marker on its last, sequence numbers consecutive across units from
     * {@code firstSequence}. Asserts that no payload exceeds {@code maxPayloadSize}.
     */
    public static List<RtpPacket> packetize(Packetizer packetizer, int maxPayloadSize, List<AccessUnit> units,
            int firstSequence) {
        List<RtpPacket> packets = new ArrayList<>();
        for (AccessUnit unit : units) {
            List<ByteBuffer> payloads = packetizer.packetize(unit);
            for (ByteBuffer payload : payloads) {
                assertTrue(payload.remaining() <= maxPayloadSize, "payload of " + payload.remaining() + " bytes");
            }
            packets.addAll(RtpPackets.wrap(payloads, firstSequence + packets.size(), unit.presentationTime()));
        }
        return packets;
    }

    /** Pushes {@code packets} in order and returns the units they complete; asserts that none was dropped. */
    public static List<AccessUnit> depacketize(Depacketizer depacketizer, List<RtpPacket> packets) {
        List<AccessUnit> units = new ArrayList<>();
        packets.forEach(packet -> units.addAll(depacketizer.push(packet)));
        assertEquals(0, depacketizer.droppedUnits(), "dropped units");
        return units;
    }

    /** {@link #packetize} then {@link #depacketize}: what a receiver gets of {@code units}. */
    public static List<AccessUnit> roundTrip(Packetizer packetizer, int maxPayloadSize, Depacketizer depacketizer,
            List<AccessUnit> units, int firstSequence) {
        return depacketize(depacketizer, packetize(packetizer, maxPayloadSize, units, firstSequence));
    }

    /**
     * What a reader of a relayed track gets: {@code units} packetized for it with
     * {@code format}'s packetizer, sent from sequence number 0, depacketized by a new depacketizer.
     */
    public static List<AccessUnit> relay(PayloadFormat format, TrackDescription track, int maxPayloadSize,
            List<AccessUnit> units) {
        return roundTrip(format.packetizer(track, maxPayloadSize), maxPayloadSize, format.depacketizer(track), units,
                0);
    }
}
