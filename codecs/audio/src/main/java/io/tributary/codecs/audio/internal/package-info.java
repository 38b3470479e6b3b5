/**
 * Audio encodings whose RTP packets each carry whole frames and need no codec configuration:
 * G.711 ({@code PCMU}, {@code PCMA}) and G.722 (RFC 3551) and Opus (RFC 7587). Payloads are
 * relayed as they come. Not exported.
 */
package io.tributary.codecs.audio.internal;
