package io.tributary.sources.file.internal.mkv;

/**
 * The fields of a Matroska TrackEntry (RFC 9559 §5.1.4.1) that describe a playable track.
 *
 * @param number            TrackNumber, as blocks refer to the track
 * @param type              TrackType: 1 video, 2 audio
 * @param codecId           CodecID ({@code V_MPEG4/ISO/AVC}, {@code A_OPUS}, …)
 * @param codecPrivate      CodecPrivate, empty when absent
 * @param defaultDuration   DefaultDuration in ns per frame, 0 when absent
 * @param codecDelay        CodecDelay in ns (Opus pre-skip), 0 when absent
 * @param width             PixelWidth, 0 when absent
 * @param height            PixelHeight, 0 when absent
 * @param samplingFrequency SamplingFrequency in Hz (default 8000)
 * @param outputFrequency   OutputSamplingFrequency in Hz (SBR), 0 when absent
 * @param channels          Channels (default 1)
 * @param strippedHeader    bytes removed from the front of every frame (header stripping), empty when none
 * @param encodingSupported false when the frames are compressed or encrypted other than by header stripping
 */
record TrackEntry(long number, int type, String codecId, byte[] codecPrivate, long defaultDuration, long codecDelay,
                  int width, int height, double samplingFrequency, double outputFrequency, int channels,
                  byte[] strippedHeader, boolean encodingSupported) {
    static final int VIDEO = 1;
    static final int AUDIO = 2;
}
