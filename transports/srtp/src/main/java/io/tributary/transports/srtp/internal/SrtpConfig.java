package io.tributary.transports.srtp.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** Configuration of SRTP (PID {@code io.tributary.transports.srtp}). */
@ObjectClassDefinition(name = "Tributary SRTP",
        description = "RTP/SAVP (RFC 3711) on RTSPS: media encrypted over UDP or inside the connection, keys handed"
                + " out in the description (MIKEY, RFC 4567; optionally SDES, RFC 4568)")
public @interface SrtpConfig {
    @AttributeDefinition(description = "Crypto suite of the keys the server makes: 80-bit tags (the default and what"
            + " every client speaks) or 32-bit tags (6 bytes less per packet, weaker authentication)",
            options = {@Option(value = "AES_CM_128_HMAC_SHA1_80", label = "AES_CM_128_HMAC_SHA1_80"),
                    @Option(value = "AES_CM_128_HMAC_SHA1_32", label = "AES_CM_128_HMAC_SHA1_32")})
    String suite() default "AES_CM_128_HMAC_SHA1_80";

    @AttributeDefinition(description = "Also describe each key as SDES (a=crypto) besides MIKEY (a=key-mgmt). Off by"
            + " default: ffmpeg applies an SDP's a=crypto to what it receives even when it set up plain RTP inside"
            + " the connection (what it does on rtsps://), and then cannot play")
    boolean sdes() default false;

    @AttributeDefinition(description = "Regular expression of live paths whose readers each get a key of their own"
            + " (e.g. /private/.*): a reader that leaves cannot read what others receive afterwards, at the cost of"
            + " one encryption per reader and packet. Empty: every reader of a live path shares the stream's key and"
            + " one encryption per packet")
    String perReaderKeys() default "";

    @AttributeDefinition(description = "Serve RTP/SAVP on unencrypted RTSP connections too. The keys then travel in"
            + " the clear next to the media they protect; only for tests and trusted networks")
    boolean allowWithoutTls() default false;
}
