package io.tributary.codecs.mp2t.internal;

import io.tributary.api.media.AccessUnit;
import io.tributary.api.payload.Packetizer;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cuts a unit into payloads of as many whole TS packets as fit (RFC 2250 §2: a payload is an
 * integral number of them; 7 in the usual 1316 bytes), slices of the unit without copying. The
 * marker bit stays clear: in RFC 2250 it flags a timestamp discontinuity, not the end of a unit.
 * A unit that is not a run of whole packets cannot be cut on packet boundaries: it is left out,
 * and said once.
 */
final class TsPacketizer implements Packetizer {
    private static final Logger LOG = LoggerFactory.getLogger(TsPacketizer.class);

    private final int payloadSize;
    private boolean warned;

    /** @throws IllegalArgumentException when not even one TS packet fits {@code maxPayloadSize} */
    TsPacketizer(int maxPayloadSize) {
        if (maxPayloadSize < TsPacket.SIZE) {
            throw new IllegalArgumentException("an RTP payload of " + maxPayloadSize
                    + " bytes cannot carry a TS packet of " + TsPacket.SIZE);
        }
        this.payloadSize = maxPayloadSize / TsPacket.SIZE * TsPacket.SIZE;
    }

    @Override
    public List<ByteBuffer> packetize(AccessUnit unit) {
        ByteBuffer data = unit.dataView();
        if (!TsPacket.isRun(data)) {
            if (!warned && data.hasRemaining()) {
                warned = true;
                LOG.warn("MP2T unit of {} bytes on track {} is not a run of whole TS packets: left out (said once)",
                        data.remaining(), unit.track());
            }
            return List.of();
        }
        if (data.remaining() <= payloadSize) {
            return List.of(data);
        }
        List<ByteBuffer> payloads = new ArrayList<>((data.remaining() + payloadSize - 1) / payloadSize);
        for (int at = data.position(); at < data.limit(); at += payloadSize) {
            payloads.add(data.slice(at, Math.min(payloadSize, data.limit() - at)));
        }
        return payloads;
    }

    @Override
    public boolean markerOnLast() {
        return false;
    }
}
