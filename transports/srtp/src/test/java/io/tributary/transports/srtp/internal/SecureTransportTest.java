package io.tributary.transports.srtp.internal;

import static io.tributary.transports.srtp.internal.Keys.assertRefused;
import static io.tributary.transports.srtp.internal.Keys.bound;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.api.transport.RtpFrame;
import io.tributary.api.transport.TransportBinding;
import io.tributary.rtsp.header.KeyMgmt;
import io.tributary.rtsp.header.TransportHeader;
import io.tributary.rtsp.header.TransportSpec;
import io.tributary.rtsp.message.RtspException;
import io.tributary.rtsp.message.RtspStatus;
import io.tributary.rtsp.mikey.CryptoSession;
import io.tributary.rtsp.mikey.MikeySrtp;
import io.tributary.rtsp.mikey.MikeyWriter;
import io.tributary.rtsp.sdp.CryptoAttribute;
import io.tributary.rtsp.srtp.MasterKey;
import io.tributary.rtsp.srtp.SrtpPolicy;
import io.tributary.rtsp.srtp.SrtpProfile;
import io.tributary.rtsp.srtp.SrtpReceiver;
import io.tributary.rtsp.srtp.SrtpSender;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SecureTransportTest {
    private static final long STREAM_SSRC = 0x5EC0_0001L;
    private static final TransportSpec UDP = spec("RTP/SAVP;unicast;client_port=5000-5001");
    private static final TransportSpec RECORD = spec("RTP/SAVP;unicast;client_port=5000-5001;mode=record");

    private final AtomicLong nanos = new AtomicLong();
    private final PlainTransportFake plain = new PlainTransportFake();
    private Keyring keyring = keyring(SrtpSettings.defaults());
    private SecureTransport secure = new SecureTransport("RTP/AVP/UDP", plain, keyring);

    private Keyring keyring(SrtpSettings settings) {
        return new Keyring(settings, new SecureRandom(), InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z")),
                nanos::get);
    }

    private void configure(SrtpSettings settings) {
        keyring = keyring(settings);
        secure = new SecureTransport("RTP/AVP/UDP", plain, keyring);
    }

    private static TransportSpec spec(String header) {
        return TransportHeader.parse(header).get(0);
    }

    private Keys.Described describeLive(EngineContext.Connection connection, String path) {
        return Keys.describe(keyring, connection, path, 0, true, STREAM_SSRC);
    }

    @Test
    void savpIsRefusedWith461OnAnUnencryptedConnection() {
        EngineContext.Connection connection = new EngineContext.Connection();
        describeLive(connection, "/demo");
        EngineContext plainConnection = new EngineContext(connection, "/demo", 0, STREAM_SSRC, true, false);
        assertRefused(461, secure.bind(UDP, plainConnection));
        assertTrue(plain.bindings.isEmpty(), "nothing was bound");

        configure(new SrtpSettings(SrtpProfile.AES_CM_128_HMAC_SHA1_80, false, null, true));
        describeLive(connection, "/demo");
        bound(secure.bind(UDP, plainConnection));
    }

    @Test
    void savpIsRefusedWith461WhenNoPlainTransportIsInstalled() {
        SecureTransport without = new SecureTransport("RTP/AVP/UDP", null, keyring);
        EngineContext.Connection connection = new EngineContext.Connection();
        describeLive(connection, "/demo");
        RtspException refused = (RtspException) bindFailure(without.bind(UDP, EngineContext.live(connection, "/demo",
                STREAM_SSRC)));
        assertEquals(RtspStatus.UNSUPPORTED_TRANSPORT, refused.status());
        assertEquals("no RTP/AVP/UDP transport is installed to carry RTP/SAVP", refused.getMessage());
    }

    @Test
    void thePlainTransportIsBoundAsRtpAvpAndTheAnswerSaysRtpSavp() {
        EngineContext.Connection connection = new EngineContext.Connection();
        describeLive(connection, "/demo");
        EngineContext engine = EngineContext.live(connection, "/demo", STREAM_SSRC);
        TransportBinding binding = bound(secure.bind(UDP, engine));

        assertEquals("RTP/AVP", plain.last().spec.profile());
        assertEquals(UDP.clientPort(), plain.last().spec.clientPort());
        assertEquals("RTP/SAVP;unicast;client_port=5000-5001;server_port=8000-8001;ssrc=5EC00001",
                TransportHeader.format(binding.reply()));
    }

    @Test
    void readersOfALiveStreamShareItsKeyAndEachFrameIsProtectedOnceForAll() {
        Keys.Described first = describeLive(new EngineContext.Connection(), "/demo");
        EngineContext.Connection secondConnection = new EngineContext.Connection();
        Keys.Described second = describeLive(secondConnection, "/demo");
        assertEquals(first.policy(), second.policy(), "one key per stream");
        assertEquals(List.of(new CryptoSession(0, STREAM_SSRC, 0)), first.sessions());

        TransportBinding a = bound(secure.bind(UDP, EngineContext.live(new EngineContext.Connection(), "/demo",
                STREAM_SSRC)));
        PlainTransportFake.Binding plainA = plain.last();
        TransportBinding b = bound(secure.bind(UDP, EngineContext.live(secondConnection, "/demo", STREAM_SSRC)));
        PlainTransportFake.Binding plainB = plain.last();

        TestFrame frame = TestFrame.of(STREAM_SSRC, 100, 5, 1000);
        assertTrue(a.sink().sendFrame(frame));
        assertTrue(b.sink().sendFrame(frame));
        assertEquals(1, frame.transformations(), "protected once for both readers");
        assertSame(plainA.frames.get(0), plainB.frames.get(0), "both send the one protected copy");

        SrtpReceiver receiver = Rtp.receiver(first.policy(), STREAM_SSRC, 0);
        RtpFrame sent = plainA.frames.get(0);
        for (int i = 0; i < frame.packetCount(); i++) {
            byte[] srtp = Rtp.bytes(sent.packets().slice(sent.packetOffset(i), sent.packetLength(i)));
            assertEquals(frame.packetLength(i) + 10, srtp.length, "an 80-bit tag");
            assertFalse(Arrays.equals(frame.packet(i), Arrays.copyOf(srtp, frame.packetLength(i))),
                    "the payload is encrypted");
            assertArrayEquals(frame.packet(i), Rtp.unprotectRtp(receiver, srtp));
        }
    }

    @Test
    void aDescriptionTellsTheStreamSsrcAndTheRolloverCounterItsSenderIsAt() {
        EngineContext.Connection connection = new EngineContext.Connection();
        Keys.Described before = describeLive(connection, "/demo");
        TransportBinding reader = bound(secure.bind(UDP, EngineContext.live(connection, "/demo", STREAM_SSRC)));
        reader.sink().sendFrame(TestFrame.of(STREAM_SSRC, 65_530, 6, 100));
        assertEquals(List.of(new CryptoSession(0, STREAM_SSRC, 0)), describeLive(connection, "/demo").sessions());
        reader.sink().sendFrame(TestFrame.of(STREAM_SSRC, 0, 6, 100)); // the sequence number wrapped
        Keys.Described after = describeLive(new EngineContext.Connection(), "/demo");
        assertEquals(List.of(new CryptoSession(0, STREAM_SSRC, 1)), after.sessions());
        assertEquals(before.policy(), after.policy());

        // a reader joining now decrypts the next packets with that rollover counter
        EngineContext.Connection late = new EngineContext.Connection();
        TransportBinding joining = bound(secure.bind(UDP, EngineContext.live(late, "/demo", STREAM_SSRC)));
        TestFrame next = TestFrame.of(STREAM_SSRC, 6, 2, 100);
        joining.sink().sendFrame(next);
        RtpFrame sent = plain.last().frames.get(0);
        SrtpReceiver receiver = Rtp.receiver(after.policy(), STREAM_SSRC, after.sessions().get(0).roc());
        assertArrayEquals(next.packet(0), Rtp.unprotectRtp(receiver,
                Rtp.bytes(sent.packets().slice(sent.packetOffset(0), sent.packetLength(0)))));
    }

    @Test
    void readersOfPerReaderPathsGetKeysAndSendersOfTheirOwn() {
        configure(new SrtpSettings(SrtpProfile.AES_CM_128_HMAC_SHA1_80, false, Pattern.compile("/private/.*"), false));
        EngineContext.Connection one = new EngineContext.Connection();
        EngineContext.Connection two = new EngineContext.Connection();
        Keys.Described keyOne = describeLive(one, "/private/cam");
        Keys.Described keyTwo = describeLive(two, "/private/cam");
        assertNotEquals(keyOne.policy(), keyTwo.policy());
        assertEquals(List.of(new CryptoSession(0, STREAM_SSRC, 0)), keyOne.sessions(), "each sender starts at ROC 0");
        assertEquals(describeLive(one, "/demo").policy(), describeLive(two, "/demo").policy(),
                "other paths share the stream key");

        TransportBinding a = bound(secure.bind(UDP, EngineContext.live(one, "/private/cam", STREAM_SSRC)));
        PlainTransportFake.Binding plainA = plain.last();
        TransportBinding b = bound(secure.bind(UDP, EngineContext.live(two, "/private/cam", STREAM_SSRC)));
        PlainTransportFake.Binding plainB = plain.last();
        TestFrame frame = TestFrame.of(STREAM_SSRC, 65_000, 3, 500);
        a.sink().sendFrame(frame);
        b.sink().sendFrame(frame);
        assertEquals(2, frame.transformations(), "protected once per reader");
        assertNotSame(plainA.frames.get(0), plainB.frames.get(0));
        assertEquals(0, ((TestFrame) plainA.frames.get(0)).references(),
                "a reader's own protected copy is released once handed on (the plain sink retains what it queues)");
        assertEquals(1, frame.references(), "the stream's frame is left as it was given");

        assertDecrypts(frame, plainA.frames.get(0), Rtp.receiver(keyOne.policy(), STREAM_SSRC, 0));
        assertDecrypts(frame, plainB.frames.get(0), Rtp.receiver(keyTwo.policy(), STREAM_SSRC, 0));
        assertRefused(463, secure.bind(UDP, EngineContext.live(one, "/private/cam", STREAM_SSRC)));
    }

    @Test
    void aFileSessionIsProtectedWithItsOwnSsrcIntoBuffersOfItsOwn() {
        EngineContext.Connection connection = new EngineContext.Connection();
        Keys.Described key = Keys.describe(keyring, connection, "/vod/clip.mp4", 1, false, 0);
        assertEquals(List.of(), key.sessions(), "the SSRC is chosen at SETUP");

        long sessionSsrc = 0xCAFE_F00DL;
        EngineContext engine = new EngineContext(connection, "/vod/clip.mp4", 1, sessionSsrc, false, true);
        TransportBinding binding = bound(secure.bind(UDP, engine));
        byte[] first = Rtp.packet(sessionSsrc, 7, 1234, 300, 1);
        byte[] second = Rtp.packet(sessionSsrc, 8, 1234, 300, 2);
        for (byte[] packet : List.of(first, second)) {
            assertTrue(binding.sink().sendRtp(ByteBuffer.wrap(packet, 0, 12).slice(),
                    ByteBuffer.wrap(packet, 12, packet.length - 12).slice()));
        }
        List<ByteBuffer> sent = plain.last().rtp;
        assertEquals(2, sent.size());
        SrtpReceiver receiver = Rtp.receiver(key.policy(), sessionSsrc, 0);
        assertArrayEquals(first, Rtp.unprotectRtp(receiver, Rtp.bytes(sent.get(0))));
        assertArrayEquals(second, Rtp.unprotectRtp(receiver, Rtp.bytes(sent.get(1))));
    }

    @Test
    void aSetupFindsOnlyAKeyDescribedOnItsOwnConnectionOrStream() {
        EngineContext.Connection describer = new EngineContext.Connection();
        Keys.describe(keyring, describer, "/vod/clip.mp4", 0, false, 0);
        assertRefused(463, secure.bind(UDP, EngineContext.file(new EngineContext.Connection(), "/vod/clip.mp4", 1)));
        assertRefused(463, secure.bind(UDP, new EngineContext(describer, "/vod/clip.mp4", 1, 1, false, true)));
        assertRefused(463, secure.bind(UDP, EngineContext.live(describer, "/demo", STREAM_SSRC)));
        describeLive(describer, "/demo");
        assertRefused(463, secure.bind(UDP, EngineContext.live(describer, "/demo", STREAM_SSRC + 1)),
                "the stream restarted with another SSRC");
        assertTrue(plain.bindings.isEmpty());
    }

    @Test
    void aFileKeyOutlivesAFailedSetupAndIsTakenByTheOneThatSucceeds() {
        EngineContext.Connection connection = new EngineContext.Connection();
        Keys.Described key = Keys.describe(keyring, connection, "/vod/clip.mp4", 0, false, 0);
        plain.failNext = new RtspException(RtspStatus.UNSUPPORTED_TRANSPORT, "client ports below 1024 are not served");
        assertRefused(461, secure.bind(UDP, EngineContext.file(connection, "/vod/clip.mp4", 9)));
        TransportBinding binding = bound(secure.bind(UDP, EngineContext.file(connection, "/vod/clip.mp4", 9)));
        byte[] packet = Rtp.packet(9, 1, 0, 50, 0);
        binding.sink().sendRtp(ByteBuffer.allocate(0), ByteBuffer.wrap(packet));
        assertArrayEquals(packet, Rtp.unprotectRtp(Rtp.receiver(key.policy(), 9, 0), Rtp.bytes(plain.last().rtp.get(0))));
        assertRefused(463, secure.bind(UDP, EngineContext.file(connection, "/vod/clip.mp4", 9)));
    }

    @Test
    void senderReportsAreSentAsSrtcp() {
        EngineContext.Connection connection = new EngineContext.Connection();
        Keys.Described key = describeLive(connection, "/demo");
        TransportBinding binding = bound(secure.bind(UDP, EngineContext.live(connection, "/demo", STREAM_SSRC)));
        byte[] report = Rtp.senderReport(STREAM_SSRC);
        assertTrue(binding.sink().sendRtcp(ByteBuffer.wrap(report)));
        byte[] srtcp = Rtp.bytes(plain.last().rtcp.get(0));
        assertEquals(report.length + 4 + 10, srtcp.length, "E flag and index, 80-bit tag");
        assertArrayEquals(report, Rtp.unprotectRtcp(Rtp.receiver(key.policy(), STREAM_SSRC, 0), srtcp));
        binding.sink().flush();
        assertEquals(1, plain.last().flushes);
    }

    @Test
    void theClientsSrtcpIsDecryptedWithTheKeyOfItsKeyMgmt() {
        EngineContext.Connection connection = new EngineContext.Connection();
        describeLive(connection, "/demo");
        long clientSsrc = 0x1111_2222L;
        SrtpPolicy clientKey = SrtpPolicy.of(SrtpProfile.AES_CM_128_HMAC_SHA1_80, MasterKey.random(new SecureRandom()));
        EngineContext engine = EngineContext.live(connection, "/demo", STREAM_SSRC)
                .header("KeyMgmt", Keys.keyMgmt(clientKey, clientSsrc));
        bound(secure.bind(UDP, engine));

        SrtpSender client = new SrtpSender(clientKey, clientSsrc);
        byte[] report = Rtp.receiverReport(clientSsrc, STREAM_SSRC);
        ByteBuffer srtcp = ByteBuffer.allocate(100);
        client.protectRtcp(ByteBuffer.wrap(report), srtcp);
        byte[] sent = Rtp.bytes(srtcp.flip());
        plain.last().context.rtcpReceived(ByteBuffer.wrap(sent));
        assertEquals(1, engine.rtcpReceived.size());
        assertArrayEquals(report, engine.rtcpReceived.get(0));

        sent[10] ^= 1; // tampered: dropped
        plain.last().context.rtcpReceived(ByteBuffer.wrap(sent));
        plain.last().context.rtcpReceived(ByteBuffer.wrap(report)); // plain RTCP: dropped too
        assertEquals(1, engine.rtcpReceived.size());
    }

    @Test
    void theKeyMgmtGStreamerSendsIsUnderstoodForItsSsrcs() {
        EngineContext.Connection connection = new EngineContext.Connection();
        describeLive(connection, "/demo");
        bound(secure.bind(UDP, EngineContext.live(connection, "/demo", STREAM_SSRC)
                .header("KeyMgmt", GStreamerKeyMgmt.RTSPSRC)));
        ClientKeys rtspsrc = ClientKeys.parse(GStreamerKeyMgmt.RTSPSRC);
        ClientKeys rtspclientsink = ClientKeys.parse(GStreamerKeyMgmt.RTSPCLIENTSINK);
        assertEquals(Set.of(0xEC7203C5L), rtspsrc.ssrcs());
        assertEquals(Set.of(0xAECE1CB7L, 0x1877902EL), rtspclientsink.ssrcs());
        bound(secure.bind(RECORD, new EngineContext(connection, "/live/cam", 0, 42, false, true)
                .header("KeyMgmt", GStreamerKeyMgmt.RTSPCLIENTSINK)));
    }

    @Test
    void aKeyMgmtNamingNoSsrcKeysTheFirstSsrcWhosePacketAuthenticates() {
        SrtpPolicy clientKey = SrtpPolicy.of(SrtpProfile.AES_CM_128_HMAC_SHA1_80, MasterKey.random(new SecureRandom()));
        String header = KeyMgmt.mikey(null, MikeyWriter.write(
                MikeySrtp.message(clientKey, List.of(), new SecureRandom(), Instant.now())))
                .format();
        ClientKeys keys = ClientKeys.parse(header);
        List<byte[]> delivered = new ArrayList<>();
        byte[] forged = Rtp.receiverReport(0x666, STREAM_SSRC);
        keys.unprotectRtcp(ByteBuffer.wrap(Arrays.copyOf(forged, forged.length + 14)),
                p -> delivered.add(Rtp.bytes(p)));
        assertEquals(Set.of(), keys.ssrcs(), "a packet that does not authenticate keys nothing");

        SrtpSender client = new SrtpSender(clientKey, 0x2222);
        for (int i = 0; i < 2; i++) {
            ByteBuffer srtcp = ByteBuffer.allocate(100);
            client.protectRtcp(ByteBuffer.wrap(Rtp.receiverReport(0x2222, STREAM_SSRC)), srtcp);
            keys.unprotectRtcp(srtcp.flip(), p -> delivered.add(Rtp.bytes(p)));
        }
        assertEquals(2, delivered.size());
        assertArrayEquals(Rtp.receiverReport(0x2222, STREAM_SSRC), delivered.get(1));
        assertEquals(Set.of(0x2222L), keys.ssrcs());
    }

    @Test
    void withoutKeyMgmtTheClientsSrtcpAndHolePunchesReachTheEngineAsTheyCame() {
        EngineContext.Connection connection = new EngineContext.Connection();
        describeLive(connection, "/demo");
        EngineContext engine = EngineContext.live(connection, "/demo", STREAM_SSRC);
        bound(secure.bind(UDP, engine));
        byte[] srtcp = new byte[50];
        srtcp[0] = (byte) 0x81;
        srtcp[1] = (byte) 201;
        plain.last().context.rtcpReceived(ByteBuffer.wrap(srtcp));
        plain.last().context.rtpReceived(ByteBuffer.wrap(new byte[] {(byte) 0xCE, (byte) 0xFA, (byte) 0xED, (byte) 0xFE}));
        assertArrayEquals(srtcp, engine.rtcpReceived.get(0));
        assertEquals(1, engine.rtpReceived.size());
    }

    @Test
    void aPublishersSrtpIsDecryptedWithTheKeyOfItsKeyMgmt() {
        long publisherSsrc = 0x7777_0001L;
        SrtpPolicy publisherKey = SrtpPolicy.of(SrtpProfile.AES_CM_128_HMAC_SHA1_32, MasterKey.random(new SecureRandom()));
        EngineContext engine = new EngineContext(new EngineContext.Connection(), "/live/cam", 0, 42, false, true)
                .header("KeyMgmt", Keys.keyMgmt(publisherKey, publisherSsrc));
        TransportBinding binding = bound(secure.bind(RECORD, engine));
        assertEquals("RECORD", plain.last().spec.mode());
        assertEquals("RTP/SAVP", binding.reply().profile());

        SrtpSender publisher = new SrtpSender(publisherKey, publisherSsrc);
        for (int sequence = 65_534; sequence < 65_539; sequence++) {
            byte[] packet = Rtp.packet(publisherSsrc, sequence & 0xFFFF, 0, 200, sequence);
            ByteBuffer srtp = ByteBuffer.allocate(300);
            publisher.protectRtp(ByteBuffer.wrap(packet), srtp);
            plain.last().context.rtpReceived(srtp.flip());
            assertArrayEquals(packet, engine.rtpReceived.get(engine.rtpReceived.size() - 1));
        }
        ByteBuffer report = ByteBuffer.allocate(100);
        publisher.protectRtcp(ByteBuffer.wrap(Rtp.senderReport(publisherSsrc)), report);
        plain.last().context.rtcpReceived(report.flip());
        assertArrayEquals(Rtp.senderReport(publisherSsrc), engine.rtcpReceived.get(0));
        assertFalse(binding.sink().sendRtcp(ByteBuffer.wrap(Rtp.receiverReport(42, publisherSsrc))),
                "nothing goes back to a publisher: it has no key of ours");
        assertTrue(plain.last().rtcp.isEmpty());
    }

    @Test
    void aPublisherWithoutKeyMgmtIsRefusedWith463() {
        EngineContext engine = new EngineContext(new EngineContext.Connection(), "/live/cam", 0, 42, false, true);
        assertRefused(463, secure.bind(RECORD, engine));
    }

    @Test
    void keyMgmtTheServerCannotUseIsRefusedWith463AndMalformedOnesWith400() {
        EngineContext.Connection connection = new EngineContext.Connection();
        describeLive(connection, "/demo");
        for (String header : List.of("prot=mikey;data=\"AQAFAA==\"", "prot=sdp-sdes;data=\"AAAA\"",
                "prot=mikey;data=\"" + Base64.getEncoder().encodeToString("not MIKEY at all".getBytes()) + "\"")) {
            assertRefused(463, secure.bind(UDP, EngineContext.live(connection, "/demo", STREAM_SSRC)
                    .header("KeyMgmt", header)));
        }
        assertRefused(400, secure.bind(UDP, EngineContext.live(connection, "/demo", STREAM_SSRC)
                .header("KeyMgmt", "prot=mikey;data=\"!!\"")));
        assertTrue(plain.bindings.isEmpty());
        assertEquals(0, keyUsers("/demo"), "a refused SETUP holds no key");
    }

    @Test
    void aReaderThatLeavesLeavesTheStreamKeyToTheOthers() {
        EngineContext.Connection connection = new EngineContext.Connection();
        Keys.Described key = describeLive(connection, "/demo");
        TransportBinding leaving = bound(secure.bind(UDP, EngineContext.live(connection, "/demo", STREAM_SSRC)));
        PlainTransportFake.Binding plainLeaving = plain.last();
        TransportBinding staying = bound(secure.bind(UDP, EngineContext.live(connection, "/demo", STREAM_SSRC)));
        assertEquals(2, keyUsers("/demo"));
        leaving.sink().sendFrame(TestFrame.of(STREAM_SSRC, 1, 1, 10));
        leaving.close();
        leaving.close();
        assertTrue(plainLeaving.closed);
        assertEquals(1, keyUsers("/demo"), "closing twice gives the key back once");

        TestFrame next = TestFrame.of(STREAM_SSRC, 2, 1, 10);
        staying.sink().sendFrame(next);
        RtpFrame sent = plain.last().frames.get(0);
        SrtpReceiver receiver = Rtp.receiver(key.policy(), STREAM_SSRC, 0);
        assertArrayEquals(next.packet(0), Rtp.unprotectRtp(receiver, Rtp.bytes(sent.packets())));
        assertEquals(key.policy(), describeLive(new EngineContext.Connection(), "/demo").policy());
    }

    @Test
    void sdesDescribesTheSameKeyAsMikeyWhenConfigured() {
        assertEquals(1, describeLive(new EngineContext.Connection(), "/demo").lines().size(), "MIKEY only by default");
        configure(new SrtpSettings(SrtpProfile.AES_CM_128_HMAC_SHA1_32, true, null, false));
        Keys.Described key = describeLive(new EngineContext.Connection(), "/demo");
        assertEquals(2, key.lines().size());
        String crypto = key.lines().get(1);
        assertTrue(crypto.startsWith("crypto:1 AES_CM_128_HMAC_SHA1_32 inline:"), crypto);
        assertEquals(key.policy(), CryptoAttribute.parse(crypto.substring("crypto:".length())).policy());
        assertEquals(SrtpProfile.AES_CM_128_HMAC_SHA1_32, key.policy().profile());
    }

    @Test
    void frameWhosePacketsAreAllRefusedCountsAsLost() {
        EngineContext.Connection connection = new EngineContext.Connection();
        describeLive(connection, "/demo");
        TransportBinding binding = bound(secure.bind(UDP, EngineContext.live(connection, "/demo", STREAM_SSRC)));
        assertFalse(binding.sink().sendFrame(TestFrame.of(STREAM_SSRC + 1, 1, 2, 10)), "another SSRC is refused");
        assertTrue(plain.last().frames.isEmpty());
        assertEquals(2, keyring.streams().describe(new StreamKey.Id("/demo", 0, STREAM_SSRC)).protector().refused());
    }

    /** Every packet of {@code sent} decrypts to the packet of {@code plain} at the same place. */
    private static void assertDecrypts(TestFrame plain, RtpFrame sent, SrtpReceiver receiver) {
        assertEquals(plain.packetCount(), sent.packetCount());
        for (int i = 0; i < plain.packetCount(); i++) {
            assertArrayEquals(plain.packet(i), Rtp.unprotectRtp(receiver,
                    Rtp.bytes(sent.packets().slice(sent.packetOffset(i), sent.packetLength(i)))));
        }
    }

    private int keyUsers(String path) {
        // the key of the stream, as the next SETUP would take it
        StreamKeys keys = keyring.streams();
        StreamKey key = keys.acquire(new StreamKey.Id(path, 0, STREAM_SSRC));
        if (key == null) {
            return 0;
        }
        keys.release(key);
        synchronized (keys) {
            return key.users;
        }
    }

    private static Throwable bindFailure(CompletionStage<TransportBinding> stage) {
        try {
            stage.toCompletableFuture().join();
            throw new AssertionError("accepted");
        } catch (CompletionException e) {
            return e.getCause();
        }
    }
}
