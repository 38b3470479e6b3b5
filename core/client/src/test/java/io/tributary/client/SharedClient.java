package io.tributary.client;

import io.netty.channel.EventLoopGroup;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An event loop group and an {@link RtspClient} with the default options on it for all the
 * tests of a class, registered as a static {@code @RegisterExtension} field; both are closed
 * after the last test. Tests that need other options make their clients on {@link #group}.
 */
final class SharedClient implements AfterAllCallback {
    final EventLoopGroup group;
    final RtspClient client;

    /** One event loop thread. */
    SharedClient() {
        this(1);
    }

    SharedClient(int threads) {
        group = TestSupport.group(threads);
        client = new RtspClient(group);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        client.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
