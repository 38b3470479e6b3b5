package io.tributary.engine.connection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Media written past the pipeline: only where it may be, in order, and back to Netty when the socket is full. */
class SocketWriterTest {
    private EventLoopGroup loops;
    private Channel server;
    private final CompletableFuture<Channel> accepted = new CompletableFuture<>();
    private Socket client;

    @BeforeEach
    void start() {
        loops = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
    }

    @AfterEach
    void close() throws Exception {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close().sync();
        }
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }

    /** Accepts one connection whose pipeline {@code pipeline} sets up; returns its channel. */
    private Channel connect(Consumer<Channel> pipeline, int sendBuffer) throws Exception {
        server = new ServerBootstrap().group(loops).channel(EpollServerSocketChannel.class)
                .childOption(ChannelOption.SO_SNDBUF, sendBuffer)
                .childHandler(new ChannelInitializer<EpollSocketChannel>() {
                    @Override
                    protected void initChannel(EpollSocketChannel ch) {
                        pipeline.accept(ch);
                        accepted.complete(ch);
                    }
                })
                .bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
        client = new Socket();
        client.setReceiveBufferSize(4096);
        client.setSoTimeout(10_000); // missing bytes fail the test instead of hanging it
        client.connect(server.localAddress());
        return accepted.get(5, TimeUnit.SECONDS);
    }

    private static <T> T onLoop(Channel channel, Callable<T> call) throws Exception {
        return channel.eventLoop().submit(call).get(5, TimeUnit.SECONDS);
    }

    private static ByteBuf bytes(int length, int seed) {
        ByteBuf buffer = PooledByteBufAllocator.DEFAULT.directBuffer(length);
        for (int i = 0; i < length; i++) {
            buffer.writeByte((seed * 31 + i) & 0xff);
        }
        return buffer;
    }

    @Test
    void onlyPlainSocketsWithoutOutboundHandlersAreWrittenDirectly() throws Exception {
        Channel plain = connect(ch -> ch.pipeline().addLast(new IdleStateHandler(30, 0, 0)), 1 << 16);
        assertNotNull(SocketWriter.of(plain), "reader-idle only: nothing between the writes and the socket");
        plain.pipeline().addLast(new IdleStateHandler(0, 30, 0));
        assertNull(SocketWriter.of(plain), "a writer-idle handler watches writes");
        plain.pipeline().remove(IdleStateHandler.class);
        plain.pipeline().remove(IdleStateHandler.class);
        plain.pipeline().addLast(new ChannelOutboundHandlerAdapter());
        assertNull(SocketWriter.of(plain), "an outbound handler (TLS, say) must see every byte");
    }

    @Test
    void aSocketThatTakesEverythingNeedsNoFlushAndLeavesNothingQueued() throws Exception {
        Channel channel = connect(ch -> { }, 1 << 20);
        SocketWriter writer = SocketWriter.of(channel);
        ByteBuf frame = bytes(3000, 1);
        assertFalse(onLoop(channel, () -> writer.write(frame)), "all of it went to the socket");
        assertEquals(0, channel.unsafe().outboundBuffer().totalPendingWriteBytes());
        assertEquals(1, frame.refCnt(), "no reference taken");
        assertEquals(0, frame.readerIndex(), "the shared bytes are not consumed");
        byte[] got = client.getInputStream().readNBytes(3000);
        assertArrayEquals(ByteBufUtil.getBytes(frame), got);
        frame.release();
    }

    @Test
    void whileOutputIsQueuedOrOffTheLoopEverythingGoesThroughNettyInOrder() throws Exception {
        Channel channel = connect(ch -> { }, 1 << 20);
        SocketWriter writer = SocketWriter.of(channel);
        ByteBuf first = Unpooled.copiedBuffer(new byte[] {1, 2, 3});
        ByteBuf frame = bytes(100, 2);
        assertTrue(onLoop(channel, () -> {
            channel.write(first); // queued, not flushed yet
            return writer.write(frame);
        }), "queued output goes first: the frame waits behind it");
        assertEquals(2, frame.refCnt(), "the queued copy holds a reference of its own");
        onLoop(channel, () -> {
            channel.flush();
            writer.flushed();
            return null;
        });
        assertTrue(writer.write(frame), "not on the event loop: through Netty");
        channel.flush();
        byte[] got = client.getInputStream().readNBytes(203);
        assertArrayEquals(new byte[] {1, 2, 3}, Arrays.copyOf(got, 3));
        byte[] expected = ByteBufUtil.getBytes(frame);
        assertArrayEquals(expected, Arrays.copyOfRange(got, 3, 103));
        assertArrayEquals(expected, Arrays.copyOfRange(got, 103, 203));
        onLoop(channel, () -> null);
        assertEquals(1, frame.refCnt(), "Netty released its references once written");
        frame.release();
    }

    @Test
    void whatAFullSocketDoesNotTakeIsQueuedAndArrivesIntactAndInOrder() throws Exception {
        Channel channel = connect(ch -> { }, 8192);
        SocketWriter writer = SocketWriter.of(channel);
        List<ByteBuf> frames = new ArrayList<>();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int i = 0; i < 40; i++) {
            ByteBuf frame = bytes(i == 0 ? 1000 : 20_000 + i, i);
            frames.add(frame);
            expected.writeBytes(ByteBufUtil.getBytes(frame));
        }
        // the client reads nothing yet: the socket fills within the first frames
        List<Boolean> queued = onLoop(channel, () -> {
            List<Boolean> results = new ArrayList<>();
            for (ByteBuf frame : frames) { // a flush per frame, as live fan-out does
                results.add(writer.write(frame));
                channel.flush();
                writer.flushed();
            }
            return results;
        });
        assertFalse(queued.get(0), "the first frame fits the empty socket");
        assertTrue(queued.contains(true), "a full socket hands the rest to Netty");
        InputStream in = client.getInputStream();
        byte[] got = in.readNBytes(expected.size());
        assertArrayEquals(expected.toByteArray(), got, "every byte, once, in order");
        for (int i = 0; i < 100 && frames.stream().anyMatch(f -> f.refCnt() != 1); i++) {
            Thread.sleep(10);
        }
        for (ByteBuf frame : frames) {
            assertEquals(1, frame.refCnt(), "every queued part released once written");
            frame.release();
        }
    }

    @Test
    void aClosedConnectionIsNeverWrittenPastThePipeline() throws Exception {
        Channel channel = connect(ch -> { }, 1 << 20);
        SocketWriter writer = SocketWriter.of(channel);
        channel.close().sync();
        ByteBuf frame = bytes(100, 3);
        assertTrue(onLoop(channel, () -> writer.write(frame)), "handed to Netty, which fails the write");
        onLoop(channel, () -> null);
        assertEquals(1, frame.refCnt(), "the failed write released its reference");
        assertEquals(-1, client.getInputStream().read(), "the client saw only the close");
        frame.release();
    }

    @Test
    void writesAFlushGathersGoThroughNettyAsOneWritevUntilFlushesCarryOneAgain() throws Exception {
        Channel channel = connect(ch -> { }, 1 << 20);
        SocketWriter writer = SocketWriter.of(channel);
        ByteBuf video = bytes(2000, 4);
        ByteBuf audio = bytes(300, 5);
        List<Boolean> queued = onLoop(channel, () -> {
            List<Boolean> results = new ArrayList<>();
            results.add(writer.write(video)); // first since the flush: straight to the socket
            results.add(writer.write(audio)); // a second one: gathered by Netty
            channel.flush();
            writer.flushed();
            for (int i = 0; i < SocketWriter.SINGLE_FLUSHES; i++) { // gathered until as many flushes carried one
                results.add(writer.write(video));
                channel.flush();
                writer.flushed();
            }
            results.add(writer.write(video)); // straight again
            channel.flush();
            writer.flushed();
            return results;
        });
        List<Boolean> expected = new ArrayList<>(List.of(false, true));
        for (int i = 0; i < SocketWriter.SINGLE_FLUSHES; i++) {
            expected.add(true);
        }
        expected.add(false);
        assertEquals(expected, queued);
        int frames = SocketWriter.SINGLE_FLUSHES + 2;
        byte[] got = client.getInputStream().readNBytes(300 + 2000 * frames);
        byte[] v = ByteBufUtil.getBytes(video);
        assertArrayEquals(v, Arrays.copyOfRange(got, 0, 2000));
        assertArrayEquals(ByteBufUtil.getBytes(audio), Arrays.copyOfRange(got, 2000, 2300), "in order");
        for (int i = 0; i < frames - 1; i++) {
            assertArrayEquals(v, Arrays.copyOfRange(got, 2300 + 2000 * i, 4300 + 2000 * i));
        }
        video.release();
        audio.release();
    }
}
