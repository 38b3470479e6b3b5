package io.tributary.sources.file.internal.mkv;

/** The EBML and Matroska element IDs this demuxer reads (RFC 8794, RFC 9559), with their marker bits. */
final class ElementIds {
    static final int EBML = 0x1A45DFA3;
    static final int DOC_TYPE = 0x4282;
    static final int DOC_TYPE_READ_VERSION = 0x4285;

    static final int SEGMENT = 0x18538067;
    static final int INFO = 0x1549A966;
    static final int TIMESTAMP_SCALE = 0x2AD7B1;
    static final int DURATION = 0x4489;
    static final int DATE_UTC = 0x4461;

    static final int TRACKS = 0x1654AE6B;
    static final int TRACK_ENTRY = 0xAE;
    static final int TRACK_NUMBER = 0xD7;
    static final int TRACK_TYPE = 0x83;
    static final int CODEC_ID = 0x86;
    static final int CODEC_PRIVATE = 0x63A2;
    static final int DEFAULT_DURATION = 0x23E383;
    static final int CODEC_DELAY = 0x56AA;
    static final int VIDEO = 0xE0;
    static final int PIXEL_WIDTH = 0xB0;
    static final int PIXEL_HEIGHT = 0xBA;
    static final int AUDIO = 0xE1;
    static final int SAMPLING_FREQUENCY = 0xB5;
    static final int OUTPUT_SAMPLING_FREQUENCY = 0x78B5;
    static final int CHANNELS = 0x9F;
    static final int CONTENT_ENCODINGS = 0x6D80;
    static final int CONTENT_ENCODING = 0x6240;
    static final int CONTENT_ENCODING_SCOPE = 0x5032;
    static final int CONTENT_ENCODING_TYPE = 0x5033;
    static final int CONTENT_COMPRESSION = 0x5034;
    static final int CONTENT_COMP_ALGO = 0x4254;
    static final int CONTENT_COMP_SETTINGS = 0x4255;

    static final int CLUSTER = 0x1F43B675;
    static final int CLUSTER_TIMESTAMP = 0xE7;
    static final int SIMPLE_BLOCK = 0xA3;
    static final int BLOCK_GROUP = 0xA0;
    static final int BLOCK = 0xA1;
    static final int BLOCK_DURATION = 0x9B;
    static final int REFERENCE_BLOCK = 0xFB;

    static final int VOID = 0xEC;
    static final int CRC32 = 0xBF;

    private ElementIds() {
    }

    /**
     * Whether an element may appear inside a Cluster (RFC 9559 §5.1.3): an unknown-size Cluster
     * ends at the first element that may not.
     */
    static boolean inCluster(int id) {
        return switch (id) {
            case CLUSTER_TIMESTAMP, SIMPLE_BLOCK, BLOCK_GROUP, VOID, CRC32,
                 0x5854 /* SilentTracks */, 0xA7 /* Position */, 0xAB /* PrevSize */, 0xAF /* EncryptedBlock */ -> true;
            default -> false;
        };
    }
}
