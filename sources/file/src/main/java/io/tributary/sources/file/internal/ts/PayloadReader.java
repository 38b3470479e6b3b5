package io.tributary.sources.file.internal.ts;

import io.tributary.sources.file.internal.container.FileReader;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Gathers the bytes of one sample from the packets of its PID, by the rule of
 * {@link StreamIndexer}: from its offset in its first packet, then the payload of every
 * further packet of the PID that is not a duplicate, less PES headers, until its size is
 * reached. Reads the packet span in chunks, so a sample spread thinly over a large span
 * costs no more memory than its size and one chunk.
 */
final class PayloadReader {
    /** Packets read at once. */
    private static final int CHUNK_PACKETS = 256;

    private PayloadReader() {
    }

    /**
     * @param packetSize 188, or 192 with the M2TS timecode prefix
     * @return the sample's bytes, exactly its size
     * @throws IOException when the file cannot be read or no longer holds the indexed packets
     */
    static byte[] read(FileReader reader, int packetSize, int pid, TsSamples samples, int sample)
            throws IOException {
        int size = samples.size(sample);
        byte[] out = new byte[size];
        int filled = 0;
        int prefix = packetSize - TsPacket.SIZE;
        long packet = samples.firstPacket(sample);
        long last = samples.lastPacket(sample);
        byte[] chunk = new byte[(int) Math.min(CHUNK_PACKETS, last - packet + 1) * packetSize];
        boolean first = true;
        int lastContinuity = -1;
        while (filled < size) {
            int count = (int) Math.min(chunk.length / packetSize, last - packet + 1);
            if (count <= 0) {
                throw new IOException("PID " + pid + " sample " + sample + ": " + (size - filled)
                        + " bytes missing at the end of its packets");
            }
            reader.read(ByteBuffer.wrap(chunk, 0, count * packetSize), packet * packetSize);
            for (int p = 0; p < count && filled < size; p++) {
                int at = p * packetSize + prefix;
                if (!TsPacket.synced(chunk, at) || TsPacket.pid(chunk, at) != pid || !TsPacket.hasPayload(chunk, at)) {
                    continue;
                }
                int continuity = TsPacket.continuity(chunk, at);
                if (continuity == lastContinuity && !TsPacket.discontinuity(chunk, at)) {
                    continue; // a duplicate, as the index skipped it
                }
                lastContinuity = continuity;
                int end = at + TsPacket.SIZE;
                int start;
                if (first) {
                    start = at + samples.offset(sample);
                    first = false;
                } else {
                    start = TsPacket.payloadStart(chunk, at);
                    if (TsPacket.unitStart(chunk, at)) {
                        start += PesHeader.length(chunk, start, end);
                    }
                }
                int take = Math.min(end - start, size - filled);
                if (take > 0) {
                    System.arraycopy(chunk, start, out, filled, take);
                    filled += take;
                }
            }
            packet += count;
        }
        return out;
    }
}
