package io.tributary.sources.file.internal.ts;

import io.tributary.api.media.MediaType;
import io.tributary.sources.file.internal.container.FileReader;
import io.tributary.sources.file.internal.container.TrackFormat;
import io.tributary.sources.file.internal.ts.ProgramTables.ElementaryStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Indexes a transport stream in one pass: finds the first program's map through the PAT, and
 * feeds the packets of its H.264, H.265 and AAC (ADTS) streams to their indexers. Packets
 * before the PMT, of other PIDs, or without a sync byte are passed over. A file that ends in a
 * partial packet was cut: its last PES packets are incomplete and dropped.
 */
final class TsIndexer {
    private static final Logger LOG = LoggerFactory.getLogger(TsIndexer.class);
    private static final int STREAM_TYPE_AAC_ADTS = 0x0F;
    /** PES private data: ffmpeg's M2TS mode declares AAC so, without a descriptor. */
    private static final int STREAM_TYPE_PRIVATE = 0x06;
    private static final int STREAM_TYPE_H264 = 0x1B;
    private static final int STREAM_TYPE_H265 = 0x24;
    /** Packets read at once in the pass. */
    private static final int CHUNK_PACKETS = 2048;
    /** Longest timeline accepted, as for MP4: keeps every time conversion within 64 bits. */
    private static final long MAX_SECONDS = 1L << 30;

    private final Unwrapper times = new Unwrapper();
    private final SectionAssembler pat = new SectionAssembler();
    private SectionAssembler pmt;
    private int pmtPid = -1;
    /** The indexer of each PID, once the PMT is read. */
    private StreamIndexer[] byPid;
    private final List<StreamIndexer> indexers = new ArrayList<>();
    private final List<String> found = new ArrayList<>();

    private TsIndexer() {
    }

    /**
     * @throws IOException when the file is not a transport stream this demuxer can play; the
     *                     message says what it found
     */
    static TsIndex index(FileReader reader) throws IOException {
        return new TsIndexer().run(reader.channel(), reader.size());
    }

    private TsIndex run(FileChannel channel, long size) throws IOException {
        int packetSize = packetSize(channel, size);
        int prefix = packetSize - TsPacket.SIZE;
        long packets = size / packetSize;
        if (packets > Integer.MAX_VALUE) {
            throw new IOException("more than " + Integer.MAX_VALUE + " packets");
        }
        byte[] chunk = new byte[CHUNK_PACKETS * packetSize];
        int unsynced = 0;
        for (long packet = 0; packet < packets; ) {
            int count = (int) Math.min(CHUNK_PACKETS, packets - packet);
            FileReader.readFully(channel, ByteBuffer.wrap(chunk, 0, count * packetSize), packet * packetSize);
            for (int p = 0; p < count; p++) {
                int at = p * packetSize + prefix;
                if (!TsPacket.synced(chunk, at)) {
                    unsynced++;
                    continue;
                }
                packet(chunk, at, (int) (packet + p));
            }
            packet += count;
        }
        if (pmtPid < 0) {
            throw new IOException("no program association table (PAT) with a program in " + packets + " packets");
        }
        if (byPid == null) {
            throw new IOException("no program map table (PMT) on PID " + pmtPid);
        }
        boolean cut = size % packetSize != 0;
        for (StreamIndexer indexer : indexers) {
            indexer.end(cut);
        }
        if (unsynced > 0) {
            LOG.debug("{} packets without sync byte passed over", unsynced);
        }
        return new TsIndex(packetSize, tracks(), indexers.stream().mapToInt(StreamIndexer::droppedPes).sum());
    }

    private void packet(byte[] b, int at, int index) throws IOException {
        int pid = TsPacket.pid(b, at);
        if (byPid != null) {
            StreamIndexer indexer = byPid[pid];
            if (indexer != null) {
                indexer.packet(b, at, index, times);
            }
        } else if (pid == TsPacket.PAT_PID && pmtPid < 0) {
            byte[] section = pat.feed(b, at);
            if (section != null) {
                pmtPid = ProgramTables.firstProgramMapPid(section);
                if (pmtPid == TsPacket.PAT_PID || pmtPid == TsPacket.NULL_PID) {
                    throw new IOException("PAT maps the first program to PID " + pmtPid);
                }
                pmt = pmtPid < 0 ? null : new SectionAssembler();
            }
        } else if (pid == pmtPid) {
            byte[] section = pmt.feed(b, at);
            if (section != null) {
                streams(ProgramTables.streams(section));
            }
        }
    }

    private void streams(List<ElementaryStream> streams) {
        byPid = new StreamIndexer[TsPacket.NULL_PID + 1];
        for (ElementaryStream stream : streams) {
            int pid = stream.pid();
            String kind = switch (stream.streamType()) {
                case STREAM_TYPE_H264 -> "H.264";
                case STREAM_TYPE_H265 -> "H.265";
                case STREAM_TYPE_AAC_ADTS -> "AAC";
                case STREAM_TYPE_PRIVATE -> stream.descriptors() == 0 ? "private data, AAC if ADTS" : null;
                default -> null;
            };
            found.add("PID " + pid + ": stream type 0x" + Integer.toHexString(stream.streamType())
                    + (kind == null ? "" : " (" + kind + ")"));
            if (kind == null || byPid[pid] != null || pid == TsPacket.PAT_PID || pid == pmtPid
                    || pid == TsPacket.NULL_PID) {
                LOG.debug("PID {}: skipped, stream type 0x{}{}", pid, Integer.toHexString(stream.streamType()),
                        kind == null ? " is not H.264, H.265 or AAC (ADTS)" : " on a PID taken");
                continue;
            }
            StreamIndexer indexer = switch (stream.streamType()) {
                case STREAM_TYPE_AAC_ADTS -> new AudioIndexer(pid, false);
                case STREAM_TYPE_PRIVATE -> new AudioIndexer(pid, true);
                default -> new VideoIndexer(pid, stream.streamType() == STREAM_TYPE_H265);
            };
            byPid[pid] = indexer;
            indexers.add(indexer);
        }
    }

    private List<TsTrack> tracks() throws IOException {
        List<TrackFormat> formats = new ArrayList<>();
        List<TsSamples> tables = new ArrayList<>();
        List<Integer> pids = new ArrayList<>();
        long start = Long.MAX_VALUE;
        long total = 0;
        for (StreamIndexer indexer : indexers) {
            TrackFormat format = indexer.format();
            TsSamples samples = indexer.samples().build();
            total += samples.count();
            if (format == null || samples.count() == 0) {
                LOG.debug("PID {}: skipped, no playable samples", indexer.pid);
                continue;
            }
            formats.add(format);
            tables.add(samples);
            pids.add(indexer.pid);
            start = Math.min(start, TsTrack.firstTime(samples, format.type() == MediaType.AUDIO,
                    format.encoding().clockRate()));
        }
        if (total > TsSamples.MAX_SAMPLES) {
            throw new IOException("more than " + TsSamples.MAX_SAMPLES + " samples");
        }
        if (formats.isEmpty()) {
            throw new IOException("no playable track; found " + (found.isEmpty() ? "no streams" : String.join(", ", found)));
        }
        List<TsTrack> tracks = new ArrayList<>();
        for (int t = 0; t < formats.size(); t++) {
            TsTrack track = new TsTrack(pids.get(t), formats.get(t), tables.get(t), start);
            if (track.lastTime() / track.format().encoding().clockRate() >= MAX_SECONDS) {
                throw new IOException("PID " + track.pid() + ": times span more than " + MAX_SECONDS + " s");
            }
            tracks.add(track);
        }
        return tracks;
    }

    /** 192 when packets carry the M2TS timecode prefix (sync bytes at 4 and 196), else 188. */
    private static int packetSize(FileChannel channel, long size) throws IOException {
        ByteBuffer head = ByteBuffer.allocate((int) Math.min(size, 2 * 192 + 5));
        FileReader.readFully(channel, head, 0);
        boolean m2ts = head.limit() > 196 && (head.get(4) & 0xFF) == TsPacket.SYNC
                && (head.get(196) & 0xFF) == TsPacket.SYNC && (head.get(0) & 0xFF) != TsPacket.SYNC;
        return m2ts ? 192 : TsPacket.SIZE;
    }
}
