package io.tributary.engine.handler;

import io.tributary.rtsp.message.RtspException;
import io.tributary.rtsp.message.RtspHeaders;
import io.tributary.rtsp.message.RtspRequest;
import io.tributary.rtsp.message.RtspStatus;
import io.tributary.rtsp.message.RtspVersion;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The option tags a client may require (RFC 2326 §12.32 and §12.27, RFC 7826 §18.43 and
 * §18.39): a request that requires one the server does not implement is refused with 551 and
 * an {@code Unsupported} header naming each, rather than served as if the option held.
 * Tributary implements no option tag of RTSP 1.0; of RTSP 2.0 it implements {@code play.basic}
 * (RFC 7826 §11.1), {@code play.scale} and {@code play.speed}, which it lists in {@code Supported}.
 */
final class OptionTags {
    static final String REQUIRE = "Require";
    static final String PROXY_REQUIRE = "Proxy-Require";
    static final String UNSUPPORTED = "Unsupported";
    /** The RTSP 2.0 feature tags implemented, which a client may require; none of 1.0. */
    static final Set<String> SUPPORTED_2_0 = Set.of("play.basic", "play.scale", "play.speed");
    /** Tags named back at most: the header is the client's, its length is not. */
    private static final int MAX_NAMED = 16;

    private OptionTags() {
    }

    /** Throws 551 naming the tags {@code request} requires (directly or of proxies) that are not supported. */
    static void checkRequired(RtspRequest request) {
        Set<String> supported = supported(request.version());
        Set<String> unsupported = new LinkedHashSet<>();
        for (String header : new String[] {REQUIRE, PROXY_REQUIRE}) {
            for (String value : request.headers().getAll(header)) {
                for (String tag : value.split(",")) {
                    String name = tag.trim();
                    if (!name.isEmpty() && !isToken(name)) {
                        throw new RtspException(RtspStatus.BAD_REQUEST, "malformed " + header + " header");
                    }
                    if (!name.isEmpty() && !supported.contains(name) && unsupported.size() < MAX_NAMED) {
                        unsupported.add(name);
                    }
                }
            }
        }
        if (!unsupported.isEmpty()) {
            throw new RtspException(RtspStatus.OPTION_NOT_SUPPORTED,
                    unsupported.size() == 1 ? "an option the request requires is not supported"
                            : unsupported.size() + " options the request requires are not supported",
                    RtspHeaders.of(UNSUPPORTED, String.join(", ", unsupported)));
        }
    }

    /** The tags implemented in {@code version}. */
    static Set<String> supported(RtspVersion version) {
        return version == RtspVersion.RTSP_2_0 ? SUPPORTED_2_0 : Set.of();
    }

    /** The {@code Supported} header of a 2.0 response: the tags implemented (RFC 7826 §18.51). */
    static String supportedHeader() {
        return String.join(", ", new java.util.TreeSet<>(SUPPORTED_2_0));
    }

    /** RFC 2326 §15.1 token: what an option tag is, and all that is named back to the client. */
    private static boolean isToken(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c >= 0x7f || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }
}
