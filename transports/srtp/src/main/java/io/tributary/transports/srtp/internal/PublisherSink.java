package io.tributary.transports.srtp.internal;

import io.tributary.api.transport.RtpFrame;
import io.tributary.api.transport.TrackSink;
import java.nio.ByteBuffer;

/**
 * The sink of a publisher's RTP/SAVP track. Nothing goes back to a publisher: the engine sends
 * it no media, and it was given no key of the server's (the answer to its ANNOUNCE cannot carry
 * one), so anything sent would go in the clear or be dropped by it. Refuses everything.
 */
final class PublisherSink implements TrackSink {
    private final TrackSink plain;

    PublisherSink(TrackSink plain) {
        this.plain = plain;
    }

    @Override
    public boolean sendRtp(ByteBuffer header, ByteBuffer payload) {
        return false;
    }

    @Override
    public boolean sendFrame(RtpFrame frame) {
        return false;
    }

    @Override
    public boolean sendRtcp(ByteBuffer packet) {
        return false;
    }

    @Override
    public void flush() {
        // nothing queued
    }

    @Override
    public boolean writable() {
        return plain.writable();
    }
}
