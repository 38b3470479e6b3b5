/**
 * SRTP (RTP/SAVP, RFC 3711) on RTSPS: the transports {@code RTP/SAVP/UDP} and
 * {@code RTP/SAVP/TCP}, which protect media on its way out through the installed plain RTP/AVP
 * transports, and the keying that describes their keys in DESCRIBE (MIKEY, RFC 4567, as
 * GStreamer reads it; SDES, RFC 4568, if configured). Nothing here runs for RTP/AVP sessions.
 * Not exported.
 *
 * <h2>One key per live stream, or one per reader</h2>
 *
 * Readers of a live path share the stream's SSRC and sequence numbers, and each frame is laid
 * out once for all of them. By default they share its key too: the key of a (path, track,
 * SSRC) is made at the first DESCRIBE, each frame is protected once, by the first reader that
 * sends it, and every reader sends the same protected copy. The cost of SRTP is then one
 * encryption per packet, whatever the number of readers, and one buffer per frame.
 *
 * <p>The price is that a reader knows the key of everything the stream sends while the key
 * lives: a reader that is kicked (or whose permission is revoked) keeps it, and could decrypt
 * what others receive if it can capture their packets. The key lives as long as readers use
 * it and is replaced only after the stream was unread for a minute. A reader also joins a
 * stream whose sender is already far on: it is told the rollover counter the stream's sender
 * is at in MIKEY's crypto session map.
 *
 * <p>Paths matching {@code perReaderKeys} give each reader a key of its own: DESCRIBE makes
 * it, the SETUP on the same connection finds it again, and the reader's own sender starts at
 * rollover counter 0 with its first packet. A reader that leaves takes nothing with it that
 * decrypts others' packets, at the cost of one encryption per reader and packet and one
 * buffer per reader and frame.
 *
 * <p>A shared frame is protected by whichever reader sends it first, so frames are protected
 * in the order readers ask for them. The sender never uses a sequence number twice and keeps a
 * 64-packet window: a frame first asked for after a newer one more than 64 packets later was
 * already protected (a reader on a lagging event loop sending a frame that readers elsewhere
 * skipped while waiting for a keyframe) is left out for that reader, counted and logged.
 *
 * <p>Files are always per session: each session has its own timeline and an SSRC chosen at
 * SETUP, so the key described to a client is found again by its SETUP and protects that
 * session alone.
 *
 * <h2>Publishers</h2>
 *
 * A publisher setting up RTP/SAVP with {@code mode=record} (GStreamer's rtspclientsink with
 * {@code profiles=savp}) hands its key in the {@code KeyMgmt} header of its SETUP; its SRTP and
 * SRTCP are decrypted with it before the engine gets them. Nothing is sent back to it.
 */
package io.tributary.transports.srtp.internal;
