package io.tributary.auth.users.internal.permit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.api.path.PathPattern;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PermitParserTest {
    @Test
    void readsActionPatternAndRanges() {
        List<Permit> permits = PermitParser.parseAll("read:/cams/**, publish:/cams/alice from 10.0.0.0/8 ::1");

        assertEquals(2, permits.size());
        assertEquals(new Permit(Action.READ, PathPattern.parse("/cams/**"), List.of()), permits.get(0));
        assertEquals(new Permit(Action.PUBLISH, PathPattern.parse("/cams/alice"),
                List.of(AddressRange.parse("10.0.0.0/8"), AddressRange.parse("::1"))), permits.get(1));
    }

    @Test
    void aPermissionMayHoldOnlyOverTls() throws Exception {
        List<Permit> permits = PermitParser.parseAll("read:/secure/** tls, publish:/live/* tls from 10.0.0.0/8");
        assertEquals("read:/secure/** tls, publish:/live/* tls from 10.0.0.0/8", PermitParser.format(permits));
        InetAddress lan = InetAddress.getByName("10.0.0.5");
        assertTrue(permits.get(0).allows(Action.READ, "/secure/cam", lan, true));
        assertFalse(permits.get(0).allows(Action.READ, "/secure/cam", lan, false), "not on a plain connection");
        assertTrue(permits.get(1).allows(Action.PUBLISH, "/live/a", lan, true));
        assertFalse(permits.get(1).allows(Action.PUBLISH, "/live/a", InetAddress.getByName("192.0.2.1"), true));
        assertEquals("expected \"from\" after the path pattern, not \"tls\" (a path pattern holds no spaces)",
                assertThrows(IllegalArgumentException.class, () -> PermitParser.parse("read:/a tls tls")).getMessage()
                        .replaceFirst("^.*: ", ""));
    }

    @Test
    void readsTheDefaultAnonymousPermissions() throws Exception {
        List<Permit> permits = PermitParser.parseAll("read:/**, publish:/** from 127.0.0.0/8 ::1");

        assertEquals("read:/**, publish:/** from 127.0.0.0/8 ::1", PermitParser.format(permits));
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        InetAddress lan = InetAddress.getByName("10.0.0.5");
        assertTrue(permits.get(0).allows(Action.READ, "/anything/at/all", lan));
        assertTrue(permits.get(1).allows(Action.PUBLISH, "/live", loopback));
        assertTrue(permits.get(1).allows(Action.PUBLISH, "/live", InetAddress.getByName("::1")));
        assertFalse(permits.get(1).allows(Action.PUBLISH, "/live", lan));
        assertFalse(permits.get(1).allows(Action.PUBLISH, "/live", null));
    }

    @Test
    void readsEveryAction() {
        assertEquals(List.of(Action.READ, Action.PUBLISH, Action.ADMIN),
                PermitParser.parseAll("read:/, publish:/, admin:/").stream().map(Permit::action).toList());
    }

    @Test
    void toleratesWhitespaceAroundParts() {
        assertEquals("read:/a from 10.0.0.0/8 192.168.1.5, admin:/**",
                PermitParser.format(PermitParser.parseAll("  read : /a   from\t10.0.0.0/8  192.168.1.5 ,admin:/** ")));
    }

    @Test
    void aBlankTextIsNoPermissions() {
        assertEquals(List.of(), PermitParser.parseAll(""));
        assertEquals(List.of(), PermitParser.parseAll("  "));
        assertEquals(List.of(), PermitParser.parseAll(null));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            reed:/x                        | bad permission "reed:/x": unknown action "reed" (read, publish or admin)
            Read:/x                        | bad permission "Read:/x": unknown action "Read" (read, publish or admin)
            /cams/**                       | bad permission "/cams/**": expected <action>:<path pattern>[ tls][ from <range> ...], e.g. read:/cams/**
            read:                          | bad permission "read:": no path pattern after "read:"
            read:cams                      | bad permission "read:cams": path pattern "cams" does not start with /
            read:/x 10.0.0.0/8             | bad permission "read:/x 10.0.0.0/8": expected "tls" or "from" after the path pattern, not "10.0.0.0/8" (a path pattern holds no spaces)
            read:/x from                   | bad permission "read:/x from": "from" needs at least one address range, e.g. from 10.0.0.0/8 ::1
            read:/x from 10.0.0.1/8        | bad permission "read:/x from 10.0.0.1/8": "10.0.0.1/8" has bits set past the prefix length (did you mean 10.0.0.0/8?)
            read:/x from localhost         | bad permission "read:/x from localhost": "localhost" is not an IPv4 or IPv6 address or CIDR range
            read:/c*                       | bad permission "read:/c*": path pattern "/c*": * must be a whole segment (/* or /**), not part of "c*"
            'read:/a,,read:/b'             | bad permission "": empty (two commas in a row, or one at the end?)
            'read:/a,'                     | bad permission "": empty (two commas in a row, or one at the end?)
            """)
    void namesTheBadPermissionAndWhatIsWrong(String text, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> PermitParser.parseAll(text))
                .getMessage());
    }

    @Test
    void configurationKeepsTheGoodPermissionsAndReportsEachBadOne() {
        List<String> bad = new ArrayList<>();

        List<Permit> permits = PermitParser.parseValid("read:/a, reed:/b, publish:/c from nowhere, admin:/**",
                (entry, reason) -> bad.add(entry + " -> " + reason));

        assertEquals("read:/a, admin:/**", PermitParser.format(permits));
        assertEquals(List.of("\"reed:/b\" -> unknown action \"reed\" (read, publish or admin)",
                "\"publish:/c from nowhere\" -> \"nowhere\" is not an IPv4 or IPv6 address or CIDR range"), bad);
    }

    @Test
    void canonicalTextReadsBackToEqualPermissions() {
        List<Permit> permits = PermitParser.parseAll(
                "admin:/** from 0:0:0:0:0:0:0:1 10.0.0.0/8, read:/cams/*/hd/, publish:/ from 2001:DB8::/32");

        String canonical = PermitParser.format(permits);

        assertEquals("admin:/** from ::1 10.0.0.0/8, read:/cams/*/hd, publish:/ from 2001:db8::/32", canonical);
        assertEquals(permits, PermitParser.parseAll(canonical));
    }

    @Test
    void controlCharactersInMessagesAreShownAsQuestionMarks() {
        String message = assertThrows(IllegalArgumentException.class,
                () -> PermitParser.parseAll("re\nad:/x")).getMessage();
        assertFalse(message.contains("\n"), message);
    }
}
