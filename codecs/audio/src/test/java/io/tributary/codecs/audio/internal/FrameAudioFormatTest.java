package io.tributary.codecs.audio.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tributary.api.media.AccessUnit;
import io.tributary.api.media.Encoding;
import io.tributary.api.media.MediaType;
import io.tributary.api.media.RtpPacket;
import io.tributary.api.media.TrackDescription;
import io.tributary.api.payload.Depacketizer;
import io.tributary.api.payload.SdpAttributes;
import io.tributary.api.testing.PayloadRoundTrip;
import io.tributary.api.testing.RtpPackets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameAudioFormatTest {
    @Test
    void aPublishersPcmuTrackIsDescribedToReadersAsItCame() {
        TrackDescription track = FrameAudioFormat.PCMU.receivedTrack(1, MediaType.AUDIO,
                new Encoding("PCMU", 8000, 1), "");

        SdpAttributes sdp = FrameAudioFormat.PCMU.describe(track, 97);

        assertEquals("PCMU/8000/1", sdp.rtpmap());
        assertEquals("", sdp.fmtp());
        assertEquals("PCMA/8000", FrameAudioFormat.PCMA.describe(FrameAudioFormat.PCMA.receivedTrack(0,
                MediaType.AUDIO, new Encoding("PCMA", 8000, 0), null), 96).rtpmap(), "no channels when none came");
    }

    @Test
    void opusIsAlwaysTwoChannelsInRtpmapAndKeepsItsParameters() {
        TrackDescription track = FrameAudioFormat.OPUS.receivedTrack(0, MediaType.AUDIO,
                new Encoding("opus", 48000, 1), " sprop-stereo=0; useinbandfec=1 ");

        SdpAttributes sdp = FrameAudioFormat.OPUS.describe(track, 96);

        assertEquals("OPUS/48000/2", sdp.rtpmap());
        assertEquals("sprop-stereo=0; useinbandfec=1", sdp.fmtp());
    }

    @Test
    void aClockRateTheEncodingDoesNotHaveIsRefusedNamingTheTrack() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FrameAudioFormat.PCMU
                .receivedTrack(2, MediaType.AUDIO, new Encoding("PCMU", 16000, 1), ""));
        assertEquals("PCMU track 2: clock rate 16000, but PCMU is sent at 8000", e.getMessage());
    }

    @Test
    void unitsComeThroughARelayAsTheyWereOnePacketEach() {
        TrackDescription track = FrameAudioFormat.PCMA.receivedTrack(1, MediaType.AUDIO,
                new Encoding("PCMA", 8000, 1), "");
        List<AccessUnit> units = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            byte[] frame = new byte[160]; // 20 ms at 8 kHz
            frame[0] = (byte) i;
            frame[159] = (byte) (255 - i);
            units.add(new AccessUnit(1, 1000L + 160L * i, 1000L + 160L * i, true, ByteBuffer.wrap(frame)));
        }

        List<AccessUnit> relayed = PayloadRoundTrip.relay(FrameAudioFormat.PCMA, track, 1400, units);

        assertEquals(units.size(), relayed.size());
        for (int i = 0; i < units.size(); i++) {
            assertEquals(units.get(i).dataView(), relayed.get(i).dataView(), "unit " + i);
            assertEquals(units.get(i).presentationTime(), relayed.get(i).presentationTime());
            assertEquals(1, relayed.get(i).track());
            assertTrue(relayed.get(i).keyframe(), "every audio unit is a sync point");
        }
    }

    @Test
    void aUnitLargerThanAPayloadIsLeftOutAndAnEmptyPayloadIsCountedAsDropped() {
        TrackDescription track = FrameAudioFormat.OPUS.receivedTrack(0, MediaType.AUDIO,
                new Encoding("OPUS", 48000, 2), "");
        AccessUnit big = new AccessUnit(0, 0, 0, true, ByteBuffer.allocate(1500));
        assertEquals(List.of(), FrameAudioFormat.OPUS.packetizer(track, 1400).packetize(big));

        Depacketizer depacketizer = FrameAudioFormat.OPUS.depacketizer(track);
        assertEquals(List.of(), depacketizer.push(RtpPackets.packet(1, 960, false, ByteBuffer.allocate(0))));
        assertEquals(1, depacketizer.droppedUnits());
    }

    @Test
    void thePacketsBufferMayBeReusedOnceTheUnitIsOut() {
        Depacketizer depacketizer = FrameAudioFormat.PCMU.depacketizer(FrameAudioFormat.PCMU.receivedTrack(0,
                MediaType.AUDIO, new Encoding("PCMU", 8000, 1), ""));
        byte[] payload = {1, 2, 3};
        AccessUnit unit = depacketizer.push(RtpPackets.packet(7, 8000, false, ByteBuffer.wrap(payload))).getFirst();
        payload[0] = 9;
        assertEquals(ByteBuffer.wrap(new byte[] {1, 2, 3}), unit.dataView());
    }

    @FuzzTest
    void anyPacketsNeverThrowAndGiveOneUnitPerNonEmptyPayload(byte[] data) {
        Depacketizer fuzzed = FrameAudioFormat.G722.depacketizer(FrameAudioFormat.G722.receivedTrack(0,
                MediaType.AUDIO, new Encoding("G722", 8000, 1), ""));
        for (RtpPacket packet : RtpPackets.script(data, 160)) {
            List<AccessUnit> units = fuzzed.push(packet);
            assertEquals(packet.payload().hasRemaining() ? 1 : 0, units.size());
            for (AccessUnit unit : units) {
                assertEquals(packet.payload(), unit.dataView());
                assertEquals(packet.timestamp(), unit.presentationTime());
            }
        }
    }
}
