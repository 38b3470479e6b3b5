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
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameAudioFormatTest {
    @Test
    void aPublishersPcmuTrackIsDescribedToReadersAsItCame() {
        TrackDescription track = G7xxFormat.PCMU.receivedTrack(1, MediaType.AUDIO, new Encoding("PCMU", 8000, 1),
                "ignored=1");

        SdpAttributes sdp = G7xxFormat.PCMU.describe(track, 97);

        assertEquals("PCMU/8000/1", sdp.rtpmap());
        assertEquals("", sdp.fmtp());
        assertEquals("PCMA/8000", G7xxFormat.PCMA.describe(G7xxFormat.PCMA.receivedTrack(0,
                MediaType.AUDIO, new Encoding("PCMA", 8000, 0), null), 96).rtpmap(), "no channels when none came");
    }

    @Test
    void aPublishersOpusTrackKeepsWhetherItIsStereoAndItsCaptureRate() {
        TrackDescription track = OpusFormat.OPUS.receivedTrack(0, MediaType.AUDIO, new Encoding("opus", 48000, 2),
                " sprop-stereo=1; useinbandfec=1; sprop-maxcapturerate=16000 ");

        assertEquals(new OpusSpecificBox(2, 0, 16000), OpusSpecificBox.parse(track.codecConfigView()));
        SdpAttributes sdp = OpusFormat.OPUS.describe(track, 96);
        assertEquals("OPUS/48000/2", sdp.rtpmap());
        assertEquals("sprop-stereo=1; sprop-maxcapturerate=16000", sdp.fmtp());

        TrackDescription mono = OpusFormat.OPUS.receivedTrack(0, MediaType.AUDIO, new Encoding("OPUS", 48000, 2), "");
        assertEquals("sprop-stereo=0", OpusFormat.OPUS.describe(mono, 96).fmtp(), "mono unless sprop-stereo=1");
    }

    @Test
    void aFilesOpusTrackIsDescribedFromItsDopsBox() {
        // dOps of ffmpeg's libopus in MP4: version 0, 2 channels, pre-skip 312, 44.1 kHz input, gain 0, family 0
        ByteBuffer dops = ByteBuffer.wrap(HexFormat.of().parseHex("000201380000AC44000000"));
        TrackDescription track = new TrackDescription(1, MediaType.AUDIO, new Encoding("OPUS", 48000, 2), dops,
                0, 0, 0);

        assertEquals(new OpusSpecificBox(2, 312, 44100), OpusSpecificBox.parse(dops));
        assertEquals("sprop-stereo=1; sprop-maxcapturerate=44100", OpusFormat.OPUS.describe(track, 97).fmtp());
        assertEquals(dops, new OpusSpecificBox(2, 312, 44100).bytes(), "the box written as read");
    }

    @Test
    void unusableParametersAndClockRatesAreRefusedNamingTheTrack() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> G7xxFormat.PCMU
                .receivedTrack(2, MediaType.AUDIO, new Encoding("PCMU", 16000, 1), ""));
        assertEquals("PCMU track 2: clock rate 16000, but PCMU is sent at 8000", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OpusFormat.OPUS.receivedTrack(0, MediaType.AUDIO,
                new Encoding("OPUS", 48000, 2), "sprop-stereo=2"));
        assertThrows(IllegalArgumentException.class, () -> OpusFormat.OPUS.receivedTrack(0, MediaType.AUDIO,
                new Encoding("OPUS", 48000, 2), "sprop-maxcapturerate=fast"));
        assertThrows(IllegalArgumentException.class, () -> OpusSpecificBox.parse(ByteBuffer.allocate(10)));
    }

    @FuzzTest
    void anyOpusFmtpIsReadBackAsDescribedOrRefusedWithIllegalArgument(byte[] data) {
        String fmtp = new String(data, java.nio.charset.StandardCharsets.ISO_8859_1);
        TrackDescription track;
        try {
            track = OpusFormat.OPUS.receivedTrack(0, MediaType.AUDIO, new Encoding("OPUS", 48000, 2), fmtp);
        } catch (IllegalArgumentException refused) {
            return;
        }
        String described = OpusFormat.OPUS.describe(track, 96).fmtp();
        TrackDescription again = OpusFormat.OPUS.receivedTrack(0, MediaType.AUDIO, track.encoding(), described);
        assertEquals(track.codecConfigView(), again.codecConfigView(), described);
    }

    @FuzzTest
    void anyDopsBoxParsesOrFailsWithIllegalArgument(byte[] data) {
        try {
            OpusSpecificBox box = OpusSpecificBox.parse(ByteBuffer.wrap(data));
            assertTrue(box.channels() > 0 && box.preSkip() >= 0 && box.inputSampleRate() >= 0);
        } catch (IllegalArgumentException refused) {
            // a precise refusal is the contract
        }
    }

    @Test
    void unitsComeThroughARelayAsTheyWereOnePacketEach() {
        TrackDescription track = G7xxFormat.PCMA.receivedTrack(1, MediaType.AUDIO,
                new Encoding("PCMA", 8000, 1), "");
        List<AccessUnit> units = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            byte[] frame = new byte[160]; // 20 ms at 8 kHz
            frame[0] = (byte) i;
            frame[159] = (byte) (255 - i);
            units.add(new AccessUnit(1, 1000L + 160L * i, 1000L + 160L * i, true, ByteBuffer.wrap(frame)));
        }

        List<AccessUnit> relayed = PayloadRoundTrip.relay(G7xxFormat.PCMA, track, 1400, units);

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
        TrackDescription track = OpusFormat.OPUS.receivedTrack(0, MediaType.AUDIO,
                new Encoding("OPUS", 48000, 2), "");
        AccessUnit big = new AccessUnit(0, 0, 0, true, ByteBuffer.allocate(1500));
        assertEquals(List.of(), OpusFormat.OPUS.packetizer(track, 1400).packetize(big));

        Depacketizer depacketizer = OpusFormat.OPUS.depacketizer(track);
        assertEquals(List.of(), depacketizer.push(RtpPackets.packet(1, 960, false, ByteBuffer.allocate(0))));
        assertEquals(1, depacketizer.droppedUnits());
    }

    @Test
    void thePacketsBufferMayBeReusedOnceTheUnitIsOut() {
        Depacketizer depacketizer = G7xxFormat.PCMU.depacketizer(G7xxFormat.PCMU.receivedTrack(0,
                MediaType.AUDIO, new Encoding("PCMU", 8000, 1), ""));
        byte[] payload = {1, 2, 3};
        AccessUnit unit = depacketizer.push(RtpPackets.packet(7, 8000, false, ByteBuffer.wrap(payload))).getFirst();
        payload[0] = 9;
        assertEquals(ByteBuffer.wrap(new byte[] {1, 2, 3}), unit.dataView());
    }

    @FuzzTest
    void anyPacketsNeverThrowAndGiveOneUnitPerNonEmptyPayload(byte[] data) {
        Depacketizer fuzzed = G7xxFormat.G722.depacketizer(G7xxFormat.G722.receivedTrack(0,
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
