package io.tributary.rtsp.mikey;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The parser throws nothing but {@link MikeyException}; what it reads writes back to the same
 * bytes; reading a policy from it throws nothing else either.
 */
class MikeyFuzzTest {

    @FuzzTest(maxDuration = "1m")
    void parser(byte[] input) {
        MikeyMessage message;
        try {
            message = MikeyParser.parse(input);
        } catch (MikeyException expected) {
            return;
        }
        assertArrayEquals(input, MikeyWriter.write(message));
        try {
            MikeySrtp.policy(message, input.length > 0 ? input[0] & 0xFF : 0);
        } catch (MikeyException expected) {
            // a message is free to carry no usable key
        }
    }
}
