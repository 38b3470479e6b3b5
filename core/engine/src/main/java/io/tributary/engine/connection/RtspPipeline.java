package io.tributary.engine.connection;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.timeout.IdleStateHandler;
import io.tributary.engine.handler.Dispatcher;
import io.tributary.engine.session.SessionManager;

/** The handlers of one RTSP connection: idle detection, framing, and the connection itself. */
public final class RtspPipeline {
    private RtspPipeline() {
    }

    public static void install(ChannelPipeline pipeline, int idleSeconds, Dispatcher dispatcher,
                               SessionManager sessions) {
        pipeline.addLast("idle", new IdleStateHandler(idleSeconds, 0, 0))
                .addLast("rtsp-decoder", new RtspFrameDecoder())
                .addLast("rtsp-connection", new RtspConnection(dispatcher, sessions));
    }
}
