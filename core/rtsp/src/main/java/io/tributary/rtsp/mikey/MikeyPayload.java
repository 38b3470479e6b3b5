package io.tributary.rtsp.mikey;

/** A payload of a MIKEY message (RFC 3830 §6), of the kinds RTSP key transport uses. */
public sealed interface MikeyPayload
        permits TimestampPayload, RandPayload, SecurityPolicyPayload, KemacPayload, ExtensionPayload {
}
