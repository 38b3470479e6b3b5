/**
 * VP8 (RFC 7741) and VP9 (RFC 9628) over RTP: the {@code VP8} and {@code VP9} payload format
 * services, their payload descriptors and the frame headers they read. Not exported.
 *
 * <p>Access unit layout, for both: one frame exactly as WebM and IVF store it (a WebM
 * SimpleBlock's data, an IVF frame without its 12-byte frame header). For VP9 that frame may be
 * a superframe (several frames, typically a hidden alternate reference and a shown frame, with
 * the superframe index at the end, VP9 bitstream specification Annex B). A unit is a keyframe
 * when its (first) frame is one: VP8 frame tag bit P = 0 with the start code {@code 9d 01 2a}
 * (RFC 6386 §9.1); VP9 uncompressed header with {@code show_existing_frame} 0,
 * {@code frame_type} KEY_FRAME and the sync code {@code 49 83 42} (§6.2). A VP9
 * {@code show_existing_frame} unit repeats an earlier frame and is never a keyframe.
 *
 * <p>Track configuration: none for VP8; for VP9 optionally the ISO-BMFF {@code vpcC} box body
 * (VPCodecConfigurationRecord version 1, with its 4-byte version and flags), used only for
 * {@code profile-id} in SDP. Tracks received from SDP have no configuration.
 *
 * <p>Sent descriptors carry no picture ID (optional in both RFCs). A packetizer is a function
 * of the unit alone: the engine packetizes each file sample once, asynchronously and out of
 * order, and shares the payloads between sessions, so a picture ID counted per call would skip
 * on the wire and make receivers that check it (ffmpeg: "Missed a picture, sequence broken")
 * drop frames up to the next keyframe. Received descriptors may carry one: it is skipped.
 */
package io.tributary.codecs.vpx.internal;
