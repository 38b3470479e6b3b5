package io.tributary.transports.srtp.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tributary.api.transport.TransportBinding;
import io.tributary.rtsp.header.TransportHeader;
import io.tributary.rtsp.header.TransportSpec;
import io.tributary.rtsp.message.RtspException;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.CompletionException;

/**
 * Whatever a client puts in the {@code KeyMgmt} header of a SETUP, the RTP/SAVP transport binds
 * or refuses with an RTSP status (400, 463), and what it then receives never throws either.
 */
class KeyMgmtFuzzTest {
    private static final TransportSpec PLAY = TransportHeader.parse("RTP/SAVP;unicast;client_port=5000-5001").get(0);
    private static final TransportSpec RECORD =
            TransportHeader.parse("RTP/SAVP;unicast;client_port=5000-5001;mode=record").get(0);

    @FuzzTest(maxDuration = "1m")
    void anyKeyMgmtIsBoundOrRefusedWithAnRtspStatus(FuzzedDataProvider data) {
        boolean publisher = data.consumeBoolean();
        int form = data.consumeInt(0, 2);
        byte[] packet = data.consumeBytes(data.consumeInt(0, 200));
        String header = switch (form) {
            case 0 -> data.consumeRemainingAsString();
            // well-formed headers, so that the MIKEY parser and the SRTP policy get the input
            case 1 -> mikeyHeader(data.consumeRemainingAsBytes());
            default -> mikeyHeader(edited(GSTREAMER_MIKEY, data));
        };

        Keyring keyring = new Keyring(SrtpSettings.defaults(), new SecureRandom(), InstantSource.fixed(Instant.EPOCH),
                () -> 0L);
        PlainTransportFake plain = new PlainTransportFake();
        SecureTransport secure = new SecureTransport("RTP/AVP/UDP", plain, keyring);
        EngineContext.Connection connection = new EngineContext.Connection();
        EngineContext engine = publisher
                ? new EngineContext(connection, "/live/cam", 0, 42, false, true).header("KeyMgmt", header)
                : EngineContext.live(connection, "/demo", 7).header("KeyMgmt", header);
        if (!publisher) {
            Keys.describe(keyring, connection, "/demo", 0, true, 7);
        }
        TransportBinding binding;
        try {
            binding = secure.bind(publisher ? RECORD : PLAY, engine).toCompletableFuture().join();
        } catch (CompletionException e) {
            assertTrue(e.getCause() instanceof RtspException, () -> "refused with " + e.getCause());
            int status = ((RtspException) e.getCause()).status().code();
            assertTrue(status == 400 || status == 463, () -> "refused with " + status);
            return;
        }
        plain.last().context.rtcpReceived(ByteBuffer.wrap(packet).asReadOnlyBuffer());
        plain.last().context.rtpReceived(ByteBuffer.wrap(packet).asReadOnlyBuffer());
        binding.close();
    }

    /** rtspclientsink's MIKEY message (two crypto sessions): a valid start for edits. */
    private static final byte[] GSTREAMER_MIKEY = Base64.getDecoder().decode(GStreamerKeyMgmt.RTSPCLIENTSINK
            .substring(GStreamerKeyMgmt.RTSPCLIENTSINK.indexOf("data=\"") + 6, GStreamerKeyMgmt.RTSPCLIENTSINK.length() - 1));

    private static String mikeyHeader(byte[] message) {
        return "prot=mikey;uri=\"rtsps://127.0.0.1/demo/trackID=0\";data=\""
                + Base64.getEncoder().encodeToString(message) + "\"";
    }

    /** {@code message} with bytes overwritten, and cut or extended, as the fuzzer says. */
    private static byte[] edited(byte[] message, FuzzedDataProvider data) {
        byte[] edited = Arrays.copyOf(message, data.consumeInt(0, message.length + 16));
        while (edited.length > 0 && data.remainingBytes() >= 2) {
            edited[data.consumeInt(0, edited.length - 1)] = data.consumeByte();
        }
        return edited;
    }
}
