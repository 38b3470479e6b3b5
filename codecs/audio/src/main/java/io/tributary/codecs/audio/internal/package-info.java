/**
 * Audio encodings whose RTP packets each carry whole frames: G.711 ({@code PCMU},
 * {@code PCMA}) and G.722 (RFC 3551), and Opus (RFC 7587), whose track configuration is its
 * {@code dOps} box. Payloads are relayed as they come. Not exported.
 */
package io.tributary.codecs.audio.internal;
