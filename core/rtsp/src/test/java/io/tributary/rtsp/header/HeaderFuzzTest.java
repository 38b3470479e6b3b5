package io.tributary.rtsp.header;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tributary.rtsp.message.RtspException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Parsers throw nothing but RtspException, and what they parse formats back to the same value. */
class HeaderFuzzTest {

    @FuzzTest(maxDuration = "1m")
    void transportHeader(byte[] input) {
        List<TransportSpec> specs;
        try {
            specs = TransportHeader.parse(new String(input, StandardCharsets.UTF_8));
        } catch (RtspException expected) {
            return;
        }
        String formatted = TransportHeader.format(specs);
        assertEquals(specs, TransportHeader.parse(formatted), formatted);
    }

    @FuzzTest(maxDuration = "1m")
    void transportAddresses(byte[] input) {
        List<TransportAddress> addresses;
        try {
            addresses = TransportAddress.parseList(new String(input, StandardCharsets.UTF_8));
        } catch (RtspException expected) {
            return;
        }
        assertEquals(addresses, TransportAddress.parseList(TransportAddress.formatList(addresses)));
    }

    @FuzzTest(maxDuration = "1m")
    void rangeHeader(byte[] input) {
        PlayRange range;
        try {
            range = RangeHeader.parse(new String(input, StandardCharsets.UTF_8));
        } catch (RtspException expected) {
            return;
        }
        String formatted = RangeHeader.format(range);
        assertEquals(formatted, RangeHeader.format(RangeHeader.parse(formatted)));
    }

    @FuzzTest(maxDuration = "1m")
    void wwwAuthenticate(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        List<Challenge> challenges = Challenge.parseAll(List.of(text.split("\n", 4)));
        for (Challenge c : challenges) {
            String formatted = c.format();
            assertFalse(formatted.indexOf('\r') >= 0 || formatted.indexOf('\n') >= 0, formatted);
        }
    }

    @FuzzTest(maxDuration = "1m")
    void authorization(byte[] input) {
        Authorization credentials;
        try {
            credentials = Authorization.parse(new String(input, StandardCharsets.UTF_8));
        } catch (RtspException expected) {
            assertEquals(400, expected.status().code());
            return;
        }
        String formatted = credentials.format();
        assertFalse(formatted.indexOf('\r') >= 0 || formatted.indexOf('\n') >= 0, formatted);
        credentials.param("username");
        credentials.token68();
    }
}
