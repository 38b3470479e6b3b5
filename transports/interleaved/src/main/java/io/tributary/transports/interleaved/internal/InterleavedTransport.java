package io.tributary.transports.interleaved.internal;

import io.tributary.api.transport.ControlChannel;
import io.tributary.api.transport.MediaTransport;
import io.tributary.api.transport.TransportBinding;
import io.tributary.api.transport.TransportContext;
import io.tributary.rtsp.header.LowerTransport;
import io.tributary.rtsp.header.PortRange;
import io.tributary.rtsp.header.TransportSpec;
import io.tributary.rtsp.message.RtspException;
import io.tributary.rtsp.message.RtspStatus;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.osgi.service.component.annotations.Component;

/**
 * RTP/AVP/TCP (RFC 2326 §10.12): media inside the RTSP connection, each packet framed by
 * {@code $}, channel and length. RTP goes on the first channel of the pair, RTCP on the
 * second; the client's RTCP coming back on the second channel keeps the session alive.
 */
@Component(service = MediaTransport.class, property = MediaTransport.PROFILE + "=RTP/AVP/TCP")
public final class InterleavedTransport implements MediaTransport {
    private static final int MAX_CHANNEL = 255;

    @Override
    public CompletionStage<TransportBinding> bind(TransportSpec requested, TransportContext context) {
        try {
            return CompletableFuture.completedFuture(bindNow(requested, context));
        } catch (RtspException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static TransportBinding bindNow(TransportSpec requested, TransportContext context) {
        ControlChannel control = context.control();
        PortRange channels = requested.interleaved() != null
                ? claim(control, requested.interleaved(), context)
                : claimFree(control, context);
        if (channels == null) {
            throw new RtspException(RtspStatus.UNSUPPORTED_TRANSPORT,
                    "interleaved channels " + requested.interleaved() + " are in use on this connection");
        }
        TransportSpec reply = new TransportSpec(requested.profile(), LowerTransport.TCP, false, null, null, null,
                null, null, channels, null, String.format("%08X", context.ssrc()), requested.mode(), Map.of());
        int rtcpChannel = channels.single() ? -1 : channels.last();
        return new InterleavedBinding(reply, control, channels.first(), rtcpChannel);
    }

    /** Claims the pair the client asked for; null when one channel is taken. */
    private static PortRange claim(ControlChannel control, PortRange asked, TransportContext context) {
        if (asked.last() > MAX_CHANNEL || asked.last() > asked.first() + 1) {
            throw new RtspException(RtspStatus.UNSUPPORTED_TRANSPORT, "interleaved needs one or two channels 0-255");
        }
        if (!control.claim(asked.first(), context::rtpReceived)) {
            return null;
        }
        if (!asked.single() && !control.claim(asked.last(), context::rtcpReceived)) {
            control.release(asked.first());
            return null;
        }
        return asked;
    }

    /** The first free even/odd pair, for clients that let the server choose. */
    private static PortRange claimFree(ControlChannel control, TransportContext context) {
        for (int first = 0; first < MAX_CHANNEL; first += 2) {
            PortRange pair = claim(control, PortRange.pair(first), context);
            if (pair != null) {
                return pair;
            }
        }
        return null;
    }
}
