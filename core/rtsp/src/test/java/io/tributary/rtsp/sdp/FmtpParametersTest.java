package io.tributary.rtsp.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class FmtpParametersTest {

    @Test
    void nullOrEmptyOrOnlySeparatorsMeanNoParameters() {
        assertNull(FmtpParameters.parse(null).get("mode"));
        assertNull(FmtpParameters.parse("").get("mode"));
        assertNull(FmtpParameters.parse(" ; ;").get("mode"));
    }

    @Test
    void whatFfmpegWritesForH264IsReadWithBlanksAroundSemicolonsDropped() {
        FmtpParameters parameters = FmtpParameters.parse(
                "packetization-mode=1; sprop-parameter-sets=Z00AHpWoKA9k,aO48gA==; profile-level-id=4D001E");
        assertEquals("1", parameters.get("packetization-mode"));
        assertEquals("Z00AHpWoKA9k,aO48gA==", parameters.get("sprop-parameter-sets"));
        assertEquals("4D001E", parameters.get("profile-level-id"));
    }

    @Test
    void namesAreInAnyCaseAndValuesKeepTheirCase() {
        FmtpParameters parameters = FmtpParameters.parse(
                "Profile-Level-Id=1;Mode=AAC-hbr;SizeLength=13;IndexLength=3;IndexDeltaLength=3;Config=1190");
        assertEquals("AAC-hbr", parameters.get("mode"));
        assertEquals("AAC-hbr", parameters.get("MODE"));
        assertEquals("13", parameters.get("sizelength"));
        assertEquals("1190", parameters.get("config"));
    }

    @Test
    void blanksAroundTheEqualsSignAndATrailingSemicolonAreTolerated() {
        FmtpParameters parameters = FmtpParameters.parse(" mode = AAC-hbr ;config= 1210 ;");
        assertEquals("AAC-hbr", parameters.get("mode"));
        assertEquals("1210", parameters.get("config"));
    }

    @Test
    void theFirstOfRepeatedNamesWins() {
        assertEquals("1", FmtpParameters.parse("packetization-mode=1;Packetization-Mode=0").get("packetization-mode"));
    }

    @Test
    void aNameWithoutValueIsPresentAndEmpty() {
        FmtpParameters parameters = FmtpParameters.parse("level-asymmetry-allowed;x=");
        assertEquals("", parameters.get("level-asymmetry-allowed"));
        assertEquals("", parameters.get("x"));
    }

    @Test
    void anEntryWithoutNameIsIgnored() {
        FmtpParameters parameters = FmtpParameters.parse("=5;mode=1");
        assertNull(parameters.get(""));
        assertEquals("1", parameters.get("mode"));
    }
}
