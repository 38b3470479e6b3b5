package io.tributary.sources.file.internal.ts;

import io.tributary.sources.file.internal.container.Ffmpeg;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Lists a file's packets with ffprobe, with a CRC32 of each packet's data: the oracle of the
 * demuxer tests. Transport stream packets have no {@code pos} for all but the first frame of a
 * PES, so this reads ffprobe's flat output rather than the MP4 tests' compact one.
 */
final class Probe {
    /** A packet as ffprobe reports it: 90 kHz times as stored (not unwrapped), data CRC32. */
    record Packet(int stream, long pts, long dts, int size, boolean keyframe, long crc) {
    }

    private Probe() {
    }

    /** Packets of one stream in decode order. */
    static List<Packet> packets(Path file, int stream) throws IOException {
        String output = Ffmpeg.run("ffprobe", "-v", "error", "-show_packets", "-show_data_hash", "crc32",
                "-show_entries", "packet=stream_index,pts,dts,size,flags,data_hash", "-of", "flat", file.toString());
        TreeMap<Integer, TreeMap<String, String>> records = new TreeMap<>();
        for (String line : output.split("\n")) {
            if (!line.startsWith("packets.packet.")) {
                continue;
            }
            String rest = line.substring("packets.packet.".length());
            int dot = rest.indexOf('.');
            int eq = rest.indexOf('=');
            if (dot < 0 || eq < dot) {
                continue;
            }
            records.computeIfAbsent(Integer.parseInt(rest.substring(0, dot)), k -> new TreeMap<>())
                    .put(rest.substring(dot + 1, eq), rest.substring(eq + 1).replace("\"", ""));
        }
        List<Packet> packets = new ArrayList<>();
        for (TreeMap<String, String> p : records.values()) {
            if (Integer.parseInt(p.get("stream_index")) == stream) {
                packets.add(new Packet(stream, Long.parseLong(p.get("pts")), Long.parseLong(p.get("dts")),
                        Integer.parseInt(p.get("size")), p.get("flags").contains("K"),
                        Long.parseLong(p.get("data_hash").substring("CRC32:".length()), 16)));
            }
        }
        return packets;
    }
}
