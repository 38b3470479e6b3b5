package io.tributary.rtsp.header;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.rtsp.message.RtspException;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyMgmtTest {

    @Test
    void readsWhatGStreamerWrites() {
        // gst_sdp_make_keymgmt's format, as rtspsrc sends it in SETUP
        List<KeyMgmt> specs = KeyMgmt.parseAll("prot=mikey;uri=\"rtsp://127.0.0.1:8554/test/stream=0\";data=\"AQIDBA==\"");
        assertEquals(1, specs.size());
        KeyMgmt spec = specs.get(0);
        assertTrue(spec.isMikey());
        assertEquals("rtsp://127.0.0.1:8554/test/stream=0", spec.uri());
        assertArrayEquals(new byte[] {1, 2, 3, 4}, spec.data());
        assertEquals("prot=mikey;uri=\"rtsp://127.0.0.1:8554/test/stream=0\";data=\"AQIDBA==\"", spec.format());
    }

    @Test
    void isLenientAboutOrderQuotesSpacesAndExtensions() {
        List<KeyMgmt> specs = KeyMgmt.parseAll(" data=AQID ; PROT=mikey ; x-ext=\"a,b\" , prot=other;data=\"BAUG\"");
        assertEquals(2, specs.size());
        assertNull(specs.get(0).uri());
        assertArrayEquals(new byte[] {1, 2, 3}, specs.get(0).data());
        assertEquals("other", specs.get(1).protocol());
        assertEquals(specs, KeyMgmt.parseAll(KeyMgmt.formatAll(specs)));
        assertEquals("prot=mikey;data=\"AQID\",prot=other;data=\"BAUG\"", KeyMgmt.formatAll(specs));
    }

    @Test
    void uriWithSeparatorsSurvivesQuoted() {
        KeyMgmt spec = KeyMgmt.mikey("rtsp://h/a;b,c", new byte[] {9});
        assertEquals(List.of(spec), KeyMgmt.parseAll(spec.format()));
    }

    @Test
    void malformedHeadersAre400() {
        for (String bad : List.of("", " , ", "prot=mikey", "data=AQID", "prot=;data=AQID", "prot=mikey;data=@@@@",
                "prot=mikey;prot=mikey;data=AQID", "prot=mikey;data=AQID;data=AQID", "prot=mikey;data",
                "prot=mikey;data=\"AQID", "prot=mi\"key\";data=AQID", "prot=mikey;uri=\"a\tb\";data=AQID")) {
            RtspException e = assertThrows(RtspException.class, () -> KeyMgmt.parseAll(bad), bad);
            assertEquals(400, e.status().code(), bad);
        }
    }
}
