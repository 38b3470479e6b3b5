package io.tributary.transports.srtp.internal;

import io.tributary.rtsp.header.KeyMgmt;
import io.tributary.rtsp.message.RtspException;
import io.tributary.rtsp.message.RtspStatus;
import io.tributary.rtsp.mikey.CryptoSession;
import io.tributary.rtsp.mikey.MikeyException;
import io.tributary.rtsp.mikey.MikeyMessage;
import io.tributary.rtsp.mikey.MikeyParser;
import io.tributary.rtsp.mikey.MikeySrtp;
import io.tributary.rtsp.srtp.SrtpPolicy;
import io.tributary.rtsp.srtp.SrtpReceiver;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys a client gave in the {@code KeyMgmt} header of its SETUP (RFC 4567 §3.2): MIKEY
 * with the key of what it sends, SRTCP receiver reports (GStreamer's rtspsrc), or a
 * publisher's SRTP and SRTCP. One receiver per SSRC of the message's crypto session map; a
 * message with an empty map gets one for the first SSRC that sends.
 *
 * <p>Packets are decrypted into a buffer of this object's own, which is handed on and valid
 * only during the call, as transports hand packets over. A packet that does not authenticate
 * (forged, replayed, another key or SSRC) is dropped.
 */
final class ClientKeys {
    private static final Logger LOG = LoggerFactory.getLogger(ClientKeys.class);
    private static final long LOG_EVERY = 1_000;
    /** The request header (RFC 4567). */
    static final String HEADER = "KeyMgmt";
    /** More streams than a client sends on one track (media, retransmission, FEC): refused. */
    static final int MAX_CRYPTO_SESSIONS = 8;

    /** A handful at most, so arrays searched in order: no boxing of SSRCs per packet. */
    private final long[] ssrcs;
    private final SrtpReceiver[] receivers;
    private int count;
    private final SrtpPolicy learnedPolicy;
    private ByteBuffer plain = ByteBuffer.allocate(2048);
    private long dropped;

    private ClientKeys(SrtpReceiver[] receivers, SrtpPolicy learnedPolicy) {
        this.receivers = receivers;
        this.ssrcs = new long[receivers.length];
        this.learnedPolicy = learnedPolicy;
        for (SrtpReceiver r : receivers) {
            if (r != null) {
                ssrcs[count++] = r.ssrc();
            }
        }
    }

    /**
     * The keys in a SETUP's {@code KeyMgmt} header, or null when it has none.
     *
     * @throws RtspException 400 for a header that is not RFC 4567 syntax, 463 Key Management
     *                       Failure for one without MIKEY or whose MIKEY Tributary cannot use
     */
    static ClientKeys parse(String header) {
        if (header == null) {
            return null;
        }
        List<KeyMgmt> specs = KeyMgmt.parseAll(header);
        KeyMgmt mikey = specs.stream().filter(KeyMgmt::isMikey).findFirst().orElseThrow(() -> failure(
                "KeyMgmt offers " + specs.stream().map(KeyMgmt::protocol).distinct().toList()
                        + "; only MIKEY is supported"));
        try {
            MikeyMessage message = MikeyParser.parse(mikey.data());
            List<CryptoSession> sessions = message.cryptoSessions();
            if (sessions.size() > MAX_CRYPTO_SESSIONS) {
                throw failure("MIKEY with " + sessions.size() + " crypto sessions; at most "
                        + MAX_CRYPTO_SESSIONS + " per track");
            }
            if (sessions.isEmpty()) {
                return new ClientKeys(new SrtpReceiver[1], MikeySrtp.policy(message, 0));
            }
            SrtpReceiver[] receivers = new SrtpReceiver[sessions.size()];
            for (int i = 0; i < receivers.length; i++) {
                CryptoSession cs = sessions.get(i);
                receivers[i] = new SrtpReceiver(MikeySrtp.policy(message, cs.policy()), cs.ssrc(), cs.roc());
            }
            return new ClientKeys(receivers, null);
        } catch (MikeyException | IllegalArgumentException e) {
            // IllegalArgumentException: a key the SRTP policy cannot hold (an MKI beyond 128 bytes)
            throw failure("MIKEY in KeyMgmt: " + e.getMessage());
        }
    }

    /** Hands the RTCP packet inside the SRTCP {@code packet} to {@code to}; drops it when it does not authenticate. */
    synchronized void unprotectRtcp(ByteBuffer packet, Consumer<ByteBuffer> to) {
        SrtpReceiver receiver = packet.remaining() < 8 ? null : receiver(packet.getInt(packet.position() + 4));
        ByteBuffer out = room(packet.remaining());
        if (receiver != null && receiver.unprotectRtcp(packet, out) >= 0) {
            learned(receiver);
            to.accept(out.flip());
        } else {
            dropped("SRTCP");
        }
    }

    /** Hands the RTP packet inside the SRTP {@code packet} to {@code to}; drops it when it does not authenticate. */
    synchronized void unprotectRtp(ByteBuffer packet, Consumer<ByteBuffer> to) {
        SrtpReceiver receiver = packet.remaining() < 12 ? null : receiver(packet.getInt(packet.position() + 8));
        ByteBuffer out = room(packet.remaining());
        if (receiver != null && receiver.unprotectRtp(packet, out) >= 0) {
            learned(receiver);
            to.accept(out.flip());
        } else {
            dropped("SRTP");
        }
    }

    /** The SSRCs keyed so far. */
    synchronized Set<Long> ssrcs() {
        return Arrays.stream(ssrcs, 0, count).boxed().collect(Collectors.toUnmodifiableSet());
    }

    /** The receiver of {@code ssrcBits}; with an empty crypto session map, a candidate for the first SSRC. */
    private SrtpReceiver receiver(int ssrcBits) {
        long ssrc = ssrcBits & 0xFFFF_FFFFL;
        for (int i = 0; i < count; i++) {
            if (ssrcs[i] == ssrc) {
                return receivers[i];
            }
        }
        return learnedPolicy != null && count == 0 ? new SrtpReceiver(learnedPolicy, ssrc) : null;
    }

    /** Keeps a candidate receiver once a packet authenticated with it: a forged packet learns nothing. */
    private void learned(SrtpReceiver receiver) {
        if (count == 0) {
            receivers[0] = receiver;
            ssrcs[0] = receiver.ssrc();
            count = 1;
        }
    }

    private void dropped(String what) {
        if (++dropped % LOG_EVERY == 1) {
            LOG.warn("dropped {} from a client that did not authenticate with the key of its KeyMgmt ({} so far)",
                    what, dropped);
        }
    }

    private ByteBuffer room(int length) {
        if (plain.capacity() < length) {
            plain = ByteBuffer.allocate(Math.max(length, 2 * plain.capacity()));
        }
        return plain.clear();
    }

    private static RtspException failure(String reason) {
        return new RtspException(RtspStatus.KEY_MANAGEMENT_FAILURE, reason);
    }
}
