package io.tributary.auth.users.internal.permit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import io.tributary.api.path.PathPattern;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Whatever the text, the permission parser either refuses it with an
 * {@link IllegalArgumentException} whose message names a bad permission, or reads permissions
 * whose canonical text reads back to the same permissions; the lenient reading keeps exactly
 * the same permissions when nothing is bad; and matching any path and address never fails.
 * Random text rarely makes a valid permission, so a second test builds valid ones from the
 * fuzzer's pieces and checks that they read back as built and match what they describe.
 */
class PermitParserFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void permissionsParseBackFromTheirCanonicalTextOrAreRefused(@NotNull String text, @NotNull String path,
                                                                byte[] address) throws UnknownHostException {
        List<Permit> permits;
        try {
            permits = PermitParser.parseAll(text);
        } catch (IllegalArgumentException refused) {
            assertTrue(refused.getMessage().startsWith("bad permission \"")
                    || refused.getMessage().startsWith("more than "), refused.getMessage());
            assertTrue(refused.getMessage().indexOf('\n') < 0, refused.getMessage());
            List<String> bad = new ArrayList<>();
            PermitParser.parseValid(text, (entry, reason) -> bad.add(reason));
            assertTrue(!bad.isEmpty(), "the lenient reading found nothing wrong in what the strict one refused");
            return;
        }
        String canonical = PermitParser.format(permits);
        assertEquals(permits, PermitParser.parseAll(canonical), canonical);
        assertEquals(permits, PermitParser.parseValid(text, (entry, reason) -> {
            throw new AssertionError(entry + ": " + reason);
        }));
        InetAddress client = address != null && (address.length == 4 || address.length == 16)
                ? InetAddress.getByAddress(address) : null;
        for (Permit permit : permits) {
            for (Action action : Action.values()) {
                permit.allows(action, path, client);
            }
            if (permit.from().isEmpty() && permit.pattern().segments().isEmpty()) {
                assertTrue(permit.allows(permit.action(), "/", client, true));
            }
        }
    }

    @FuzzTest(maxDuration = "60s")
    void builtPermissionsReadBackAsBuiltAndMatchWhatTheyDescribe(byte action, @NotNull String pattern,
                                                                 byte[] address, byte prefix) throws Exception {
        Action wanted = Action.values()[Math.floorMod(action, 3)];
        PathPattern built;
        try {
            built = PathPattern.parse("/" + pattern);
        } catch (IllegalArgumentException refused) {
            return;
        }
        List<AddressRange> from = new ArrayList<>();
        InetAddress inside = null;
        if (address != null && (address.length == 4 || address.length == 16)) {
            int bits = Math.floorMod(prefix, address.length * 8 + 1);
            byte[] network = address.clone();
            for (int i = 0; i < network.length; i++) {
                network[i] &= (byte) (0xff00 >> Math.min(8, Math.max(0, bits - i * 8)));
            }
            AddressRange range = new AddressRange(network, bits);
            assertEquals(range, AddressRange.parse(literal(network) + "/" + bits));
            from.add(range);
            inside = InetAddress.getByAddress(address);
            assertTrue(range.contains(inside), range + " contains " + inside);
        }
        Permit permit = new Permit(wanted, built, from);

        Permit read = PermitParser.parse(wanted.token() + ":/" + pattern
                + (from.isEmpty() ? "" : " from " + literal(from.get(0).network()) + "/" + from.get(0).prefix()));

        assertEquals(permit, read);
        String path = instance(built);
        assertTrue(read.allows(wanted, path, inside), read + " allows " + path);
    }

    /** An address in full, uncompressed form: what an operator might type, not the canonical text. */
    private static String literal(byte[] address) {
        if (address.length == 4) {
            return (address[0] & 0xff) + "." + (address[1] & 0xff) + "." + (address[2] & 0xff) + "." + (address[3] & 0xff);
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 16; i += 2) {
            text.append(i == 0 ? "" : ":").append(Integer.toHexString((address[i] & 0xff) << 8 | address[i + 1] & 0xff));
        }
        return text.toString();
    }

    /** A path the pattern describes: * as one segment, ** as two. */
    private static String instance(PathPattern pattern) {
        StringBuilder path = new StringBuilder();
        for (String segment : pattern.segments()) {
            path.append('/').append(segment.equals(PathPattern.ONE) ? "x"
                    : segment.equals(PathPattern.ANY) ? "y/z" : segment);
        }
        return path.isEmpty() ? "/" : path.toString();
    }
}
