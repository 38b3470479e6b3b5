package io.tributary.sources.file.internal.mkv;

import io.tributary.api.media.Encoding;
import io.tributary.api.media.MediaType;
import io.tributary.sources.file.internal.container.TrackFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps a Matroska CodecID and CodecPrivate (RFC 9559 codec mappings) to the RTP encoding and
 * the configuration its payload format expects: H.264 ({@code avcC}), H.265 ({@code hvcC}),
 * VP8, VP9, AAC (AudioSpecificConfig, also built for the legacy {@code A_AAC/MPEG4/LC} ids) and
 * Opus ({@code dOps} built from the OpusHead).
 */
final class CodecMapping {
    private static final Logger LOG = LoggerFactory.getLogger(CodecMapping.class);
    private static final int[] AAC_RATES = {96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000,
            11025, 8000, 7350};
    private static final int MAX_AUDIO_RATE = 768_000;

    private CodecMapping() {
    }

    /**
     * @return the format, or {@code null} (logged at DEBUG) when the track cannot be played
     * @throws IOException when a supported codec's configuration is malformed
     */
    static TrackFormat format(TrackEntry track) throws IOException {
        TrackFormat format = track.encodingSupported() ? map(track) : null;
        if (format == null) {
            LOG.debug("track {}: skipped, unsupported {}codec '{}' in a track of type {}", track.number(),
                    track.encodingSupported() ? "" : "content encoding or ", track.codecId(), track.type());
        }
        return format;
    }

    private static TrackFormat map(TrackEntry track) throws IOException {
        String id = track.codecId();
        if (track.type() == TrackEntry.VIDEO) {
            return switch (id) {
                case "V_MPEG4/ISO/AVC" -> nalVideo(track, "avcC", "H264", 4);
                case "V_MPEGH/ISO/HEVC" -> nalVideo(track, "hvcC", "H265", 21);
                case "V_VP8" -> video(track, "VP8", ByteBuffer.allocate(0), 0);
                case "V_VP9" -> video(track, "VP9", ByteBuffer.allocate(0), 0);
                default -> null;
            };
        }
        if (track.type() == TrackEntry.AUDIO) {
            if (id.equals("A_OPUS")) {
                return new TrackFormat(MediaType.AUDIO, new Encoding("OPUS", 48000, 2),
                        ByteBuffer.wrap(OpusHead.toDops(track.codecPrivate())), 0, 0, 0);
            }
            if (id.equals("A_AAC")) {
                if (track.codecPrivate().length < 2) {
                    throw new IOException("track " + track.number() + ": A_AAC without an AudioSpecificConfig");
                }
                return aac(track, track.codecPrivate(),
                        track.outputFrequency() > 0 ? track.outputFrequency() : track.samplingFrequency());
            }
            if (id.startsWith("A_AAC/")) {
                byte[] config = legacyAacConfig(track);
                double rate = track.outputFrequency() > 0 ? track.outputFrequency()
                        : id.endsWith("/SBR") ? 2 * track.samplingFrequency() : track.samplingFrequency();
                return config == null ? null : aac(track, config, rate);
            }
        }
        return null;
    }

    /** H.264/H.265: the record, with {@code lengthSizeMinusOne} (low bits of byte {@code lengthByte}) set to 3. */
    private static TrackFormat nalVideo(TrackEntry track, String record, String encoding, int lengthByte)
            throws IOException {
        byte[] config = track.codecPrivate().clone();
        if (config.length <= lengthByte || config[0] != 1) {
            throw new IOException("track " + track.number() + ": invalid " + record + " record in CodecPrivate ("
                    + config.length + " bytes)");
        }
        int nalLengthSize = (config[lengthByte] & 3) + 1;
        config[lengthByte] |= 3; // samples are served with 4-byte lengths
        return video(track, encoding, ByteBuffer.wrap(config), nalLengthSize);
    }

    private static TrackFormat video(TrackEntry track, String encoding, ByteBuffer config, int nalLengthSize) {
        return new TrackFormat(MediaType.VIDEO, new Encoding(encoding, 90000, 0), config, track.width(),
                track.height(), nalLengthSize);
    }

    /**
     * AAC as {@code MPEG4-GENERIC/<rate>/<channels>}: the rate the decoder outputs
     * (OutputSamplingFrequency when SBR is signalled, as in the MP4 demuxer), the track's channels.
     *
     * @param frequency the output sampling frequency
     */
    private static TrackFormat aac(TrackEntry track, byte[] config, double frequency) throws IOException {
        long rate = Math.round(frequency);
        if (!(rate > 0 && rate <= MAX_AUDIO_RATE)) {
            throw new IOException("track " + track.number() + ": invalid sampling frequency " + frequency);
        }
        if (track.channels() <= 0) {
            throw new IOException("track " + track.number() + ": AAC track with 0 channels");
        }
        return new TrackFormat(MediaType.AUDIO, new Encoding("MPEG4-GENERIC", (int) rate, track.channels()),
                ByteBuffer.wrap(config), 0, 0, 0);
    }

    /**
     * The AudioSpecificConfig (ISO/IEC 14496-3 §1.6.2.1) for the legacy ids that carry none:
     * object type from the id, rate index and channel configuration from the Audio element, and
     * for {@code …/SBR} the explicit backward-compatible SBR extension. {@code null} for an
     * unknown profile or a rate without an index.
     */
    private static byte[] legacyAacConfig(TrackEntry track) {
        String id = track.codecId();
        boolean sbr = id.endsWith("/SBR");
        String profile = id.substring(id.lastIndexOf('/', sbr ? id.length() - 5 : id.length()) + 1,
                sbr ? id.length() - 4 : id.length());
        int objectType = switch (profile) {
            case "MAIN" -> 1;
            case "LC" -> 2;
            case "SSR" -> 3;
            case "LTP" -> 4;
            default -> 0;
        };
        int rateIndex = rateIndex(track.samplingFrequency());
        int channels = track.channels();
        if (objectType == 0 || rateIndex < 0 || channels < 1 || channels > 6) {
            return null;
        }
        int head = objectType << 11 | rateIndex << 7 | channels << 3;
        if (!sbr) {
            return new byte[] {(byte) (head >> 8), (byte) head};
        }
        double output = track.outputFrequency() > 0 ? track.outputFrequency() : 2 * track.samplingFrequency();
        int outputIndex = rateIndex(output);
        if (outputIndex < 0) {
            return null;
        }
        // sync extension 0x2B7, extension object type 5 (SBR), sbr present, extension rate index
        int tail = 0x2B7 << 13 | 5 << 8 | 1 << 7 | outputIndex << 3;
        return new byte[] {(byte) (head >> 8), (byte) head, (byte) (tail >> 16), (byte) (tail >> 8), (byte) tail};
    }

    private static int rateIndex(double frequency) {
        for (int i = 0; i < AAC_RATES.length; i++) {
            if (AAC_RATES[i] == frequency) {
                return i;
            }
        }
        return -1;
    }
}
