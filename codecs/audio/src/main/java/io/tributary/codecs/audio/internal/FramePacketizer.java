package io.tributary.codecs.audio.internal;

import io.tributary.api.media.AccessUnit;
import io.tributary.api.payload.Packetizer;
import java.nio.ByteBuffer;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One payload per access unit, the unit as it is. A unit larger than the payload size cannot
 * be cut (its frames have no boundaries this side can see, and every packet of a unit shares
 * its timestamp): it is left out, and said once.
 */
final class FramePacketizer implements Packetizer {
    private static final Logger LOG = LoggerFactory.getLogger(FramePacketizer.class);

    private final String encoding;
    private final int maxPayloadSize;
    private boolean warned;

    FramePacketizer(String encoding, int maxPayloadSize) {
        this.encoding = encoding;
        this.maxPayloadSize = maxPayloadSize;
    }

    @Override
    public List<ByteBuffer> packetize(AccessUnit unit) {
        ByteBuffer data = unit.dataView();
        if (data.remaining() > maxPayloadSize) {
            if (!warned) {
                warned = true;
                LOG.warn("{} unit of {} bytes on track {} does not fit an RTP payload of {}: left out (said once)",
                        encoding, data.remaining(), unit.track(), maxPayloadSize);
            }
            return List.of();
        }
        return data.hasRemaining() ? List.of(data) : List.of();
    }

    @Override
    public boolean markerOnLast() {
        return false;
    }
}
