package io.tributary.sources.relay.internal;

import io.tributary.api.media.AccessUnit;
import io.tributary.api.media.Encoding;
import io.tributary.api.media.MediaType;
import io.tributary.api.media.RtpPacket;
import io.tributary.api.media.TrackDescription;
import io.tributary.api.payload.Depacketizer;
import io.tributary.api.payload.Packetizer;
import io.tributary.api.payload.PayloadFormat;
import io.tributary.api.payload.SdpAttributes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A payload format for tests, encoding {@code TEST}: one access unit per RTP packet, the
 * {@code fmtp} text as the codec configuration (so that a changed fmtp is a changed track).
 */
final class TestFormat implements PayloadFormat {
    static final String ENCODING = "TEST";

    @Override
    public SdpAttributes describe(TrackDescription track, int payloadType) {
        return new SdpAttributes(ENCODING + "/90000", StandardCharsets.UTF_8.decode(track.codecConfigView()).toString());
    }

    @Override
    public Packetizer packetizer(TrackDescription track, int maxPayloadSize) {
        throw new UnsupportedOperationException("not used by the relay");
    }

    @Override
    public TrackDescription receivedTrack(int index, MediaType type, Encoding encoding, String fmtp) {
        if (fmtp.contains("unusable")) {
            throw new IllegalArgumentException("unusable fmtp " + fmtp);
        }
        return new TrackDescription(index, type, encoding, ByteBuffer.wrap(fmtp.getBytes(StandardCharsets.UTF_8)),
                0, 0, 0);
    }

    @Override
    public Depacketizer depacketizer(TrackDescription track) {
        return new Depacketizer() {
            @Override
            public List<AccessUnit> push(RtpPacket packet) {
                ByteBuffer copy = ByteBuffer.allocate(packet.payload().remaining()).put(packet.payload()).flip();
                return List.of(new AccessUnit(track.index(), packet.timestamp(), packet.timestamp(), true, copy));
            }

            @Override
            public long droppedUnits() {
                return 0;
            }
        };
    }
}
