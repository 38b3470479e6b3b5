package io.tributary.codecs.mp2t.internal;

import static io.tributary.codecs.mp2t.internal.TransportStreams.AUDIO_PID;
import static io.tributary.codecs.mp2t.internal.TransportStreams.VIDEO_PID;
import static io.tributary.codecs.mp2t.internal.TransportStreams.continuation;
import static io.tributary.codecs.mp2t.internal.TransportStreams.pat;
import static io.tributary.codecs.mp2t.internal.TransportStreams.pesStart;
import static io.tributary.codecs.mp2t.internal.TransportStreams.pmt;
import static io.tributary.codecs.mp2t.internal.TransportStreams.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tributary.api.media.AccessUnit;
import io.tributary.api.media.Encoding;
import io.tributary.api.media.MediaType;
import io.tributary.api.media.RtpPacket;
import io.tributary.api.media.TrackDescription;
import io.tributary.api.payload.Depacketizer;
import io.tributary.api.payload.Packetizer;
import io.tributary.api.payload.SdpAttributes;
import io.tributary.api.testing.PayloadRoundTrip;
import io.tributary.api.testing.RtpPackets;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Mp2tPayloadFormatTest {
    private static final Mp2tPayloadFormat FORMAT = new Mp2tPayloadFormat();
    /** What the engine makes of {@code m=video 0 RTP/AVP 33} without rtpmap. */
    private static final TrackDescription TRACK = FORMAT.receivedTrack(0, MediaType.VIDEO,
            new Encoding("MP2T", 90000, 0), "");

    @Test
    void aStaticPayloadType33TrackHasNoConfigurationAndIsDescribedAsMp2tWithoutFmtp() {
        assertEquals(new Encoding("MP2T", 90000, 0), TRACK.encoding());
        assertFalse(TRACK.codecConfigView().hasRemaining());

        SdpAttributes sdp = FORMAT.describe(TRACK, 96);

        assertEquals("MP2T/90000", sdp.rtpmap());
        assertEquals("", sdp.fmtp());
        assertEquals(TRACK, FORMAT.receivedTrack(0, MediaType.VIDEO, new Encoding("mp2t", 90000, 0), "x=1"),
                "an fmtp RFC 2250 does not define is ignored");
    }

    @Test
    void aClockRateOtherThan90kHzIsRefusedNamingTheTrack() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FORMAT.receivedTrack(2, MediaType.VIDEO, new Encoding("MP2T", 8000, 0), ""));
        assertEquals("MP2T track 2: clock rate 8000, but MP2T is sent at 90000", e.getMessage());
    }

    @Test
    void payloadsCarrySevenWholePacketsAt1316BytesAndNeverAMarker() {
        Packetizer packetizer = FORMAT.packetizer(TRACK, 1400);
        AccessUnit unit = new AccessUnit(0, 0, 0, true, numbered(20));

        List<ByteBuffer> payloads = packetizer.packetize(unit);

        assertEquals(List.of(1316, 1316, 1128), payloads.stream().map(ByteBuffer::remaining).toList());
        assertFalse(packetizer.markerOnLast(), "M flags timestamp discontinuities in RFC 2250");
        assertEquals(unit.dataView().slice(1316, 1316), payloads.get(1));
        assertEquals(List.of(1), FORMAT.packetizer(TRACK, 188).packetize(new AccessUnit(0, 0, 0, true, numbered(1)))
                .stream().map(b -> b.remaining() / 188).toList());
    }

    @Test
    void aPayloadSizeBelowOneTsPacketAndUnitsOfPartialPacketsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> FORMAT.packetizer(TRACK, 187));
        Packetizer packetizer = FORMAT.packetizer(TRACK, 1316);
        assertEquals(List.of(), packetizer.packetize(new AccessUnit(0, 0, 0, true, ByteBuffer.allocate(200))));
        assertEquals(List.of(), packetizer.packetize(new AccessUnit(0, 0, 0, true, ByteBuffer.allocate(0))));
    }

    @Test
    void payloadsThatAreNotWholeTsPacketsAreDroppedAndCounted() {
        Depacketizer depacketizer = FORMAT.depacketizer(TRACK);
        ByteBuffer noSync = numbered(2);
        noSync.put(188, (byte) 0x48);
        List<ByteBuffer> bad = List.of(ByteBuffer.allocate(0), numbered(1).limit(187), numbered(2).limit(300),
                noSync, ByteBuffer.allocate(204));
        int sequence = 0;
        for (ByteBuffer payload : bad) {
            assertEquals(List.of(), depacketizer.push(RtpPackets.packet(sequence++, 0, false, payload)));
        }
        assertEquals(bad.size(), depacketizer.droppedUnits());

        List<AccessUnit> units = depacketizer.push(RtpPackets.packet(sequence, 3000, false, numbered(7)));
        assertEquals(1, units.size());
        assertEquals(numbered(7), units.getFirst().dataView());
        assertEquals(3000, units.getFirst().presentationTime());
        assertEquals(bad.size(), depacketizer.droppedUnits());
    }

    @Test
    void thePacketsBufferMayBeReusedOnceTheUnitIsOut() {
        byte[] payload = new byte[188];
        payload[0] = 0x47;
        payload[100] = 1;
        AccessUnit unit = FORMAT.depacketizer(TRACK).push(RtpPackets.packet(1, 0, false, ByteBuffer.wrap(payload)))
                .getFirst();
        payload[100] = 2;
        assertEquals(1, unit.dataView().get(100));
    }

    @Test
    void unitsComeThroughARelayCutDifferentlyAsTheSameBytes() {
        List<AccessUnit> units = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            units.add(new AccessUnit(0, 3000L * i, 3000L * i, false, numbered(7)));
        }

        List<AccessUnit> relayed = PayloadRoundTrip.relay(FORMAT, TRACK, 1000, units);

        assertEquals(20, relayed.size(), "5 + 2 packets a unit at 1000 bytes");
        assertEquals(concat(units), concat(relayed));
        assertEquals(List.of(0L, 0L, 3000L, 3000L), relayed.subList(0, 4).stream()
                .map(AccessUnit::presentationTime).toList());
    }

    @Test
    void aPatPmtAndRandomAccessPictureInOnePacketMakeAKeyframeAudioRandomAccessDoesNot() {
        Depacketizer depacketizer = FORMAT.depacketizer(TRACK);

        AccessUnit start = single(depacketizer.push(packet(1, pat(), pmt(true), pesStart(VIDEO_PID, true),
                continuation(VIDEO_PID))));
        AccessUnit audio = single(depacketizer.push(packet(2, pesStart(AUDIO_PID, true), continuation(VIDEO_PID))));
        AccessUnit tables = single(depacketizer.push(packet(3, pat(), pmt(true), pesStart(AUDIO_PID, true),
                pesStart(VIDEO_PID, false))));

        assertTrue(start.keyframe());
        assertFalse(audio.keyframe(), "an audio frame is no place to start the video");
        assertFalse(tables.keyframe(), "tables before a predicted picture: the decoder lacks its reference");
    }

    @Test
    void tablesInOnePacketAndThePictureInTheNextMakeTheTablesPacketTheKeyframe() {
        Depacketizer depacketizer = FORMAT.depacketizer(TRACK);
        single(depacketizer.push(packet(1, pat(), pmt(true), pesStart(VIDEO_PID, true))));

        assertEquals(List.of(), depacketizer.push(packet(2, continuation(VIDEO_PID), pat(), pmt(true))),
                "held until the next video PES start says whether the tables start a reader");
        List<AccessUnit> units = depacketizer.push(packet(3, pesStart(VIDEO_PID, true), continuation(VIDEO_PID)));

        assertEquals(List.of(true, false), units.stream().map(AccessUnit::keyframe).toList());
        assertEquals(run(continuation(VIDEO_PID), pat(), pmt(true)), units.get(0).dataView());
    }

    @Test
    void aPictureStartingBeforeTheTablesInTheirPacketKeepsThePacketFromBeingAStart() {
        Depacketizer depacketizer = FORMAT.depacketizer(TRACK);
        single(depacketizer.push(packet(1, pat(), pmt(true), pesStart(VIDEO_PID, true))));

        AccessUnit late = single(depacketizer.push(packet(2, pesStart(VIDEO_PID, false), pat(), pmt(true),
                pesStart(VIDEO_PID, true))));

        assertFalse(late.keyframe(), "a reader would decode the predicted picture first");
        assertTrue(single(depacketizer.push(packet(3, continuation(VIDEO_PID), pat(), pmt(true),
                pesStart(VIDEO_PID, true)))).keyframe(), "a continuation before the tables is skipped by readers");
    }

    @Test
    void aHoldEndsAfterItsBoundOrAtALossWithoutAKeyframe() {
        Depacketizer depacketizer = FORMAT.depacketizer(TRACK);
        single(depacketizer.push(packet(1, pat(), pmt(true), pesStart(VIDEO_PID, true))));
        assertEquals(List.of(), depacketizer.push(packet(2, pat(), pmt(true))));
        for (int i = 3; i < 2 + TsDepacketizer.MAX_HELD_UNITS; i++) {
            assertEquals(List.of(), depacketizer.push(packet(i, continuation(AUDIO_PID))));
        }
        List<AccessUnit> released = depacketizer.push(packet(2 + TsDepacketizer.MAX_HELD_UNITS,
                continuation(AUDIO_PID)));
        assertEquals(TsDepacketizer.MAX_HELD_UNITS + 1, released.size());
        assertTrue(released.stream().noneMatch(AccessUnit::keyframe));

        assertEquals(List.of(), depacketizer.push(packet(20, pat(), pmt(true))));
        List<AccessUnit> afterLoss = depacketizer.push(packet(22, pesStart(VIDEO_PID, true)));
        assertEquals(List.of(false, false), afterLoss.stream().map(AccessUnit::keyframe).toList(),
                "what was lost between tables and picture may have been either");
        assertEquals(0, depacketizer.droppedUnits());
    }

    @Test
    void aProgramWithoutVideoStartsOnItsTables() {
        Depacketizer depacketizer = FORMAT.depacketizer(TRACK);
        assertTrue(single(depacketizer.push(packet(1, pat(), pmt(false), pesStart(AUDIO_PID, true)))).keyframe());
        assertFalse(single(depacketizer.push(packet(2, pesStart(AUDIO_PID, true)))).keyframe());
    }

    @Test
    void aMuxerThatNeverFlagsRandomAccessStillGivesReadersAStart() {
        Depacketizer depacketizer = FORMAT.depacketizer(TRACK);
        int sequence = 0;
        assertFalse(single(depacketizer.push(packet(sequence++, pat(), pmt(true), pesStart(VIDEO_PID, false))))
                .keyframe());
        for (int i = 1; i < TsDepacketizer.STARTS_WITHOUT_RANDOM_ACCESS - 1; i++) {
            single(depacketizer.push(packet(sequence++, pesStart(VIDEO_PID, false))));
        }
        assertTrue(single(depacketizer.push(packet(sequence++, pat(), pmt(true), pesStart(VIDEO_PID, false))))
                .keyframe(), "after " + TsDepacketizer.STARTS_WITHOUT_RANDOM_ACCESS + " pictures without the flag");
    }

    @FuzzTest(maxDuration = "2m")
    void anyPacketsNeverThrowAndComeOutInOrderOrDropped(byte[] data) {
        Depacketizer depacketizer = FORMAT.depacketizer(TRACK);
        List<ByteBuffer> valid = new ArrayList<>();
        List<AccessUnit> out = new ArrayList<>();
        List<RtpPacket> packets = RtpPackets.script(data, 3000);
        for (RtpPacket packet : packets) {
            if (TsPacket.isRun(packet.payload())) {
                valid.add(packet.payload());
            }
            out.addAll(depacketizer.push(packet));
        }
        assertEquals(packets.size() - valid.size(), depacketizer.droppedUnits());
        assertTrue(valid.size() - out.size() >= 0 && valid.size() - out.size() <= TsDepacketizer.MAX_HELD_UNITS);
        for (int i = 0; i < out.size(); i++) {
            assertEquals(valid.get(i), out.get(i).dataView(), "unit " + i);
        }
    }

    /**
     * Transport streams from a fuzzer's bytes: each unit is a count byte (1-7 packets, bit 3: skip
     * a sequence number) and that many 188-byte packets, the sync byte forced. Every unit comes out
     * once and in order, at most {@value TsDepacketizer#MAX_HELD_UNITS} are held, and a keyframe
     * always holds the start of a PAT.
     */
    @FuzzTest(maxDuration = "2m")
    void anyTransportStreamKeepsItsUnitsAndStartsKeyframesOnlyOnAPat(byte[] data) {
        Depacketizer depacketizer = FORMAT.depacketizer(TRACK);
        ByteBuffer in = ByteBuffer.wrap(data);
        List<ByteBuffer> sent = new ArrayList<>();
        List<AccessUnit> out = new ArrayList<>();
        int sequence = 0;
        while (in.hasRemaining()) {
            int control = in.get();
            int count = 1 + (control & 7) % 7;
            ByteBuffer payload = ByteBuffer.allocate(count * TsPacket.SIZE);
            for (int i = 0; i < count; i++) {
                byte[] packet = new byte[TsPacket.SIZE];
                in.get(packet, 0, Math.min(packet.length, in.remaining()));
                packet[0] = TsPacket.SYNC_BYTE;
                payload.put(packet);
            }
            sequence += (control & 8) != 0 ? 2 : 1;
            sent.add(payload.flip());
            out.addAll(depacketizer.push(RtpPackets.packet(sequence, sequence * 3000L, false, payload)));
            assertTrue(sent.size() - out.size() <= TsDepacketizer.MAX_HELD_UNITS);
        }
        assertEquals(0, depacketizer.droppedUnits());
        for (int i = 0; i < out.size(); i++) {
            AccessUnit unit = out.get(i);
            assertEquals(sent.get(i), unit.dataView(), "unit " + i);
            assertTrue(!unit.keyframe() || startsPat(unit.dataView()), "keyframe " + i + " without a PAT");
        }
    }

    private static boolean startsPat(ByteBuffer unit) {
        for (int at = unit.position(); at < unit.limit(); at += TsPacket.SIZE) {
            if (TsPacket.pid(unit, at) == TsPacket.PAT_PID && TsPacket.unitStart(unit, at)
                    && !TsPacket.damaged(unit, at)) {
                return true;
            }
        }
        return false;
    }

    private static AccessUnit single(List<AccessUnit> units) {
        assertEquals(1, units.size(), "units out");
        return units.getFirst();
    }

    private static RtpPacket packet(int sequence, byte[]... packets) {
        return RtpPackets.packet(sequence, 3000L * sequence, false, run(packets));
    }

    /** {@code count} TS packets of PID 0x1FFF (null packets) whose payload bytes count up. */
    private static ByteBuffer numbered(int count) {
        ByteBuffer run = ByteBuffer.allocate(count * TsPacket.SIZE);
        for (int i = 0; i < run.capacity(); i++) {
            run.put(i, (byte) i);
        }
        for (int at = 0; at < run.capacity(); at += TsPacket.SIZE) {
            run.put(at, (byte) TsPacket.SYNC_BYTE).put(at + 1, (byte) 0x1F).put(at + 2, (byte) 0xFF)
                    .put(at + 3, (byte) 0x10);
        }
        return run;
    }

    private static ByteBuffer concat(List<AccessUnit> units) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (AccessUnit unit : units) {
            ByteBuffer data = unit.dataView();
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            all.writeBytes(bytes);
        }
        return ByteBuffer.wrap(all.toByteArray());
    }
}
