package io.tributary.sources.file.internal.mp4;

import io.tributary.sources.file.internal.container.TrackFormat;
import io.tributary.api.media.Encoding;
import io.tributary.api.media.MediaType;
import io.tributary.sources.file.internal.mp4.BoxCursor.Box;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the first sample entry of a sample description box ({@code stsd}) into a
 * {@link TrackFormat}: H.264 ({@code avc1}/{@code avc3}), H.265 ({@code hvc1}/{@code hev1}),
 * AAC ({@code mp4a}) and Opus. Other entries yield {@code null}: the track is not playable.
 */
final class SampleEntries {
    private static final Logger LOG = LoggerFactory.getLogger(SampleEntries.class);
    /** MPEG-4 audio object types carried as {@code MPEG4-GENERIC} (AAC-hbr). */
    private static final Set<Integer> AAC_OBJECT_TYPES = Set.of(1, 2, 3, 4, 5, 6, 17, 19, 20, 22, 23, 29, 39, 42);
    private static final int OTI_MPEG4_AUDIO = 0x40;
    private static final Set<Integer> OTI_MPEG2_AAC = Set.of(0x66, 0x67, 0x68);

    private SampleEntries() {
    }

    /**
     * @param trackId the track's id, for the log
     * @param handler the track's handler type ({@code vide}, {@code soun})
     * @param skipped where an unsupported entry is described: {@code track 1 'mp4v' (video)}
     * @return the format, or {@code null} (logged) when the entry is of an unsupported kind
     */
    static TrackFormat parse(BoxCursor stsd, long trackId, String handler, List<String> skipped)
            throws IOException {
        stsd.version();
        stsd.u32(); // entry count: the boxes that follow tell
        List<Box> entries = stsd.children();
        if (entries.isEmpty()) {
            throw new IOException("empty sample description (stsd)");
        }
        Box entry = entries.get(0);
        TrackFormat format = switch (entry.type()) {
            case "avc1", "avc3" -> handler.equals("vide") ? video(entry.payload(), "avcC", "H264", 4) : null;
            case "hvc1", "hev1" -> handler.equals("vide") ? video(entry.payload(), "hvcC", "H265", 21) : null;
            case "mp4a" -> handler.equals("soun") ? mp4a(entry.payload()) : null;
            case "Opus" -> handler.equals("soun") ? opus(entry.payload()) : null;
            default -> null;
        };
        if (format == null) {
            LOG.debug("track {}: skipped, unsupported sample entry '{}' in a '{}' track", trackId,
                    BoxCursor.printable(entry.type()), BoxCursor.printable(handler));
            skipped.add("track " + trackId + " '" + BoxCursor.printable(entry.type()) + "' ("
                    + (handler.equals("vide") ? "video" : "audio") + ")");
        }
        return format;
    }

    /**
     * A VisualSampleEntry (ISO/IEC 14496-12 §12.1.3) followed by its configuration record,
     * whose {@code lengthSizeMinusOne} sits in the low two bits of byte {@code lengthByte}.
     */
    private static TrackFormat video(BoxCursor entry, String configType, String encoding, int lengthByte)
            throws IOException {
        entry.skip(8 + 16); // reserved, data reference index, pre-defined and reserved fields
        int width = entry.u16();
        int height = entry.u16();
        entry.skip(50); // resolutions, frame count, compressor name, depth
        byte[] config = BoxCursor.require(entry.children(), configType, "sample entry").payload().rest();
        if (config.length <= lengthByte || config[0] != 1) {
            throw new IOException("invalid " + configType + " record (" + config.length + " bytes)");
        }
        int nalLengthSize = (config[lengthByte] & 3) + 1;
        config[lengthByte] |= 3; // samples are served with 4-byte lengths
        return new TrackFormat(MediaType.VIDEO, new Encoding(encoding, 90000, 0), ByteBuffer.wrap(config), width, height,
                nalLengthSize);
    }

    private static TrackFormat mp4a(BoxCursor entry) throws IOException {
        int channelCount = audioEntryChannels(entry);
        List<Box> children = entry.children();
        Box esds = BoxCursor.find(children, "esds");
        Box wave = BoxCursor.find(children, "wave"); // QuickTime wraps esds in 'wave'
        if (esds == null && wave != null) {
            esds = BoxCursor.find(wave.payload().children(), "esds");
        }
        if (esds == null) {
            throw new IOException("mp4a sample entry without esds");
        }
        byte[] config = decoderSpecificInfo(esds.payload());
        if (config == null) {
            return null;
        }
        AudioSpecificConfig asc = AudioSpecificConfig.parse(config);
        if (!AAC_OBJECT_TYPES.contains(asc.objectType())) {
            return null;
        }
        int channels = asc.channels() > 0 ? asc.channels() : channelCount;
        if (channels <= 0) {
            throw new IOException("AAC track without channel count");
        }
        return new TrackFormat(MediaType.AUDIO, new Encoding("MPEG4-GENERIC", asc.sampleRate(), channels),
                ByteBuffer.wrap(config),
                0, 0, 0);
    }

    /** Opus in ISO-BMFF: RTP always announces {@code opus/48000/2} (RFC 7587 §7). */
    private static TrackFormat opus(BoxCursor entry) throws IOException {
        audioEntryChannels(entry);
        byte[] dops = BoxCursor.require(entry.children(), "dOps", "Opus sample entry").payload().rest();
        if (dops.length < 11) {
            throw new IOException("invalid dOps box (" + dops.length + " bytes)");
        }
        return new TrackFormat(MediaType.AUDIO, new Encoding("OPUS", 48000, 2), ByteBuffer.wrap(dops), 0, 0, 0);
    }

    /**
     * Reads an AudioSampleEntry up to its child boxes (QuickTime versions 1 and 2 add fields)
     * and returns its channel count.
     */
    private static int audioEntryChannels(BoxCursor entry) throws IOException {
        entry.skip(8); // reserved, data reference index
        int version = entry.u16();
        entry.skip(6); // revision, vendor
        int channels = entry.u16();
        entry.skip(10); // sample size, compression id, packet size, sample rate
        switch (version) {
            case 0 -> {
            }
            case 1 -> entry.skip(16);
            case 2 -> entry.skip(36);
            default -> throw new IOException("unknown audio sample entry version " + version);
        }
        return channels;
    }

    /**
     * The DecoderSpecificInfo of an {@code esds} box (ISO/IEC 14496-1 §7.2.6.5), or {@code null}
     * when the stream is not AAC.
     */
    private static byte[] decoderSpecificInfo(BoxCursor esds) throws IOException {
        esds.version();
        expectTag(esds, 0x03, "ES_Descriptor");
        esds.skip(2); // ES_ID
        int flags = esds.u8();
        if ((flags & 0x80) != 0) {
            esds.skip(2); // dependsOn_ES_ID
        }
        if ((flags & 0x40) != 0) {
            esds.skip(esds.u8()); // URL
        }
        if ((flags & 0x20) != 0) {
            esds.skip(2); // OCR_ES_Id
        }
        expectTag(esds, 0x04, "DecoderConfigDescriptor");
        int objectTypeIndication = esds.u8();
        if (objectTypeIndication != OTI_MPEG4_AUDIO && !OTI_MPEG2_AAC.contains(objectTypeIndication)) {
            return null;
        }
        esds.skip(12); // stream type, buffer size, max and average bitrate
        if (esds.remaining() == 0 || esds.u8() != 0x05) {
            throw new IOException("esds without DecoderSpecificInfo");
        }
        int length = descriptorLength(esds);
        if (length == 0) {
            throw new IOException("empty DecoderSpecificInfo");
        }
        return esds.bytes(length);
    }

    private static void expectTag(BoxCursor esds, int tag, String name) throws IOException {
        int actual = esds.u8();
        if (actual != tag) {
            throw new IOException("esds: expected " + name + " (tag " + tag + "), found tag " + actual);
        }
        descriptorLength(esds);
    }

    /** A descriptor length: up to four bytes of seven bits each. */
    private static int descriptorLength(BoxCursor esds) throws IOException {
        int length = 0;
        for (int i = 0; i < 4; i++) {
            int b = esds.u8();
            length = length << 7 | b & 0x7F;
            if ((b & 0x80) == 0) {
                break;
            }
        }
        return length;
    }
}
