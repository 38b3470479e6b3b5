/**
 * MPEG-2 Transport Stream over RTP (RFC 2250 §2, static payload type 33 of RFC 3551): the
 * {@code MP2T} payload format service. The stream is relayed as it comes, never remuxed: an
 * access unit is the run of whole 188-byte TS packets of one RTP packet, and only the program
 * tables and the adaptation fields are read, to tell where a new reader can start. Not exported.
 */
package io.tributary.codecs.mp2t.internal;
