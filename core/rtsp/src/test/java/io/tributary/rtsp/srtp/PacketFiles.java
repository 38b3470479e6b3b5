package io.tributary.rtsp.srtp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Packets in a file as {@code <u32 length><bytes>}…, the format the interop scripts read and write. */
final class PacketFiles {
    private PacketFiles() {
    }

    static List<byte[]> read(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file));
        List<byte[]> packets = new ArrayList<>();
        while (b.hasRemaining()) {
            byte[] p = new byte[b.getInt()];
            b.get(p);
            packets.add(p);
        }
        return packets;
    }

    static void write(Path file, List<byte[]> packets) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : packets) {
            out.writeBytes(ByteBuffer.allocate(4).putInt(p.length).array());
            out.writeBytes(p);
        }
        Files.write(file, out.toByteArray());
    }
}
