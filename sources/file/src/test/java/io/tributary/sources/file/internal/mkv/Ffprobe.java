package io.tributary.sources.file.internal.mkv;

import io.tributary.sources.file.internal.container.Ffmpeg;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ffprobe's view of a Matroska file, the oracle of the demuxer tests: packets with their times
 * in ms (Matroska's time base), dts absent where ffmpeg has none yet, and an MD5 of each
 * packet's bytes (so frame boundaries are checked without comparing positions).
 */
final class Ffprobe {
    private Ffprobe() {
    }

    /** A packet as ffprobe reports it; {@code dts} is {@code null} for N/A. */
    record Packet(long pts, Long dts, int size, boolean keyframe, String md5) {
    }

    /** Packets of one stream in decode order. */
    static List<Packet> packets(Path file, int stream) throws IOException {
        String output = Ffmpeg.run("ffprobe", "-v", "error", "-select_streams", String.valueOf(stream), "-show_packets",
                "-show_data_hash", "MD5", "-show_entries", "packet=pts,dts,size,flags,data_hash", "-of",
                "compact=p=0", file.toString());
        List<Packet> packets = new ArrayList<>();
        // side data (Opus skip samples) continues a packet on the next line, starting with '|'
        for (String line : output.replace("\n|", "|").split("\n")) {
            Map<String, String> fields = new HashMap<>();
            for (String field : line.split("\\|")) {
                int eq = field.indexOf('=');
                if (eq > 0) {
                    fields.put(field.substring(0, eq), field.substring(eq + 1));
                }
            }
            if (fields.containsKey("pts")) {
                String dts = fields.get("dts");
                packets.add(new Packet(Long.parseLong(fields.get("pts")), dts.equals("N/A") ? null : Long.parseLong(dts),
                        Integer.parseInt(fields.get("size")), fields.get("flags").contains("K"),
                        fields.get("data_hash").substring("MD5:".length())));
            }
        }
        return packets;
    }

    /** One field of a stream ({@code codec_name}, {@code time_base}, …). */
    static String stream(Path file, int stream, String field) throws IOException {
        return Ffmpeg.run("ffprobe", "-v", "error", "-select_streams", String.valueOf(stream), "-show_entries",
                "stream=" + field, "-of", "default=nw=1:nk=1", file.toString()).strip();
    }

    /** One tag of the format ({@code creation_time}). */
    static String formatTag(Path file, String tag) throws IOException {
        return Ffmpeg.run("ffprobe", "-v", "error", "-show_entries", "format_tags=" + tag, "-of", "default=nw=1:nk=1",
                file.toString()).strip();
    }
}
