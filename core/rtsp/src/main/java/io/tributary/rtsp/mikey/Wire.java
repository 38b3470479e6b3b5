package io.tributary.rtsp.mikey;

/** Numbers of the MIKEY wire format (RFC 3830 §6) the parser and the writer share. */
final class Wire {
    /** Next payload: none. */
    static final int LAST = 0;
    static final int KEMAC = 1;
    static final int T = 5;
    static final int SP = 10;
    static final int RAND = 11;
    static final int KEY_DATA = 20;
    static final int GENERAL_EXTENSION = 21;

    static final int MAP_TYPE_SRTP = 0;
    /** KEMAC encryption and MAC algorithm: none. */
    static final int NULL = 0;

    /** Key data types; bit 0 says a salt follows the key. */
    static final int TGK = 0;
    static final int TEK = 2;
    static final int TEK_AND_SALT = 3;

    /** Key validity types. */
    static final int KV_NULL = 0;
    static final int KV_SPI = 1;
    static final int KV_INTERVAL = 2;

    private Wire() {
    }
}
