package io.tributary.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tributary.api.source.SourceStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class RtspCommandsTest {
    private final FakeRuntime runtime = new FakeRuntime()
            .path("/vod/clip.mp4", "Clip", true, 1, "H264", "MPEG4-GENERIC")
            .path("/demo", "Demo", false, 12, "H264")
            .session("8f3a1c", "/demo", "192.0.2.7", 50000, 1200, 1_400_000)
            .session("b2", "/vod/clip.mp4", "10.0.0.1", 6000, 7, 900);

    @Test
    void pathsArePrintedInAlignedColumnsSortedByPath() {
        assertEquals("""
                Path           Title  Encodings            Seekable  Sessions
                /demo          Demo   H264                 no              12
                /vod/clip.mp4  Clip   H264, MPEG4-GENERIC  yes              1""",
                new RtspCommands(runtime).paths());
    }

    @Test
    void sessionsArePrintedInAlignedColumnsWithCountsRightAligned() {
        assertEquals("""
                Id      Path           Client           Transport    State    Since                 Packets    Bytes  Dropped  Lost  Jitter ms
                8f3a1c  /demo          192.0.2.7:50000  RTP/AVP/TCP  PLAYING  2025-03-01T12:00:05Z     1200  1400000        0     -          -
                b2      /vod/clip.mp4  10.0.0.1:6000    RTP/AVP/TCP  PLAYING  2025-03-01T12:00:05Z        7      900        0     -          -""",
                new RtspCommands(runtime).sessions());
    }

    @Test
    void sourcesArePrintedWithTheirStateSortedByPath() {
        FakeRuntime relays = new FakeRuntime()
                .source("/cam2", "rtsp://192.0.2.65/live", SourceStatus.State.DOWN,
                        "last failure: connect: connection refused; retrying in 4.0 s")
                .source("/cam1", "rtsp://192.0.2.64/live", SourceStatus.State.UP, "H264 over TCP")
                .source("/cam3", "rtsp://192.0.2.66/live", SourceStatus.State.IDLE, "on demand");

        assertEquals("""
                Path   Origin                  State  Since                 Detail
                /cam1  rtsp://192.0.2.64/live  up     2025-03-01T12:00:05Z  H264 over TCP
                /cam2  rtsp://192.0.2.65/live  down   2025-03-01T12:00:05Z  last failure: connect: connection refused; \
                retrying in 4.0 s
                /cam3  rtsp://192.0.2.66/live  idle                         on demand""",
                new RtspCommands(relays).sources());
    }

    @Test
    void controlCharactersFromClientsDoNotReachTheTerminal() {
        FakeRuntime hostile = new FakeRuntime().path("/a\u001b[2Jb", "t\r", false, 0, "H264");

        assertEquals("""
                Path     Title  Encodings  Seekable  Sessions
                /a?[2Jb  t?     H264       no               0""", new RtspCommands(hostile).paths());
    }

    @Test
    void kickEndsTheSessionAndSaysWhetherItExisted() {
        RtspCommands commands = new RtspCommands(runtime);

        assertEquals("Session b2 ended.", commands.kick("b2"));
        assertEquals("No session b2.", commands.kick("b2"));
        assertEquals(List.of("b2", "b2"), runtime.kicked);
    }

    @Test
    void emptyRuntimeAndMissingEngineAreSaidInWords() {
        assertEquals("No open paths.", new RtspCommands(new FakeRuntime()).paths());
        assertEquals("No sessions.", new RtspCommands(new FakeRuntime()).sessions());
        assertEquals("No relayed or published paths.", new RtspCommands(new FakeRuntime()).sources());
        RtspCommands withoutEngine = new RtspCommands(null);
        assertEquals("Engine not running.", withoutEngine.paths());
        assertEquals("Engine not running.", withoutEngine.sessions());
        assertEquals("Engine not running.", withoutEngine.sources());
        assertEquals("Engine not running.", withoutEngine.kick("x"));
    }
}
