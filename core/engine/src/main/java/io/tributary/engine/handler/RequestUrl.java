package io.tributary.engine.handler;

import io.tributary.rtsp.message.RtspException;
import io.tributary.rtsp.message.RtspStatus;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request URI split into what handlers need: the media path, the track a control URL
 * names, and the aggregate URL to build track URLs from. Accepts absolute and relative
 * forms and both ways clients attach track controls to URLs with a query: ffmpeg's
 * {@code /path?query/trackID=1} and GStreamer's {@code /path/trackID=1?query}.
 *
 * @param path      decoded media path starting with {@code /}, no trailing slash; {@code *} for OPTIONS *
 * @param track     the track named by the control URL, or null for the aggregate URL
 * @param aggregate the URL without the track control, ending with {@code /} (Content-Base)
 */
public record RequestUrl(String path, Integer track, String aggregate) {
    private static final Pattern TRACK = Pattern.compile("(?:^|/)(?:trackID|streamid|stream)=(\\d{1,4})$");
    private static final int MAX_LENGTH = 4096;

    /** The control URL of a track, relative to {@link #aggregate()}. */
    public static String trackControl(int track) {
        return "trackID=" + track;
    }

    public static RequestUrl parse(String uri) {
        if ("*".equals(uri)) {
            return new RequestUrl("*", null, "*");
        }
        if (uri.length() > MAX_LENGTH) {
            throw new RtspException(RtspStatus.REQUEST_URI_TOO_LONG, "request URI too long");
        }
        String prefix;
        String rest;
        int schemeEnd = uri.indexOf("://");
        if (schemeEnd > 0) {
            String scheme = uri.substring(0, schemeEnd).toLowerCase(java.util.Locale.ROOT);
            if (!scheme.equals("rtsp") && !scheme.equals("rtsps") && !scheme.equals("rtspu")) {
                throw new RtspException(RtspStatus.BAD_REQUEST, "unsupported URL scheme");
            }
            int pathStart = uri.indexOf('/', schemeEnd + 3);
            int queryStart = uri.indexOf('?', schemeEnd + 3);
            if (pathStart < 0 || (queryStart >= 0 && queryStart < pathStart)) {
                pathStart = queryStart < 0 ? uri.length() : queryStart;
            }
            prefix = uri.substring(0, pathStart);
            rest = uri.substring(pathStart);
        } else if (uri.startsWith("/")) {
            prefix = "";
            rest = uri;
        } else {
            throw new RtspException(RtspStatus.BAD_REQUEST, "request URI is neither absolute nor a path");
        }
        int q = rest.indexOf('?');
        String rawPath = q < 0 ? rest : rest.substring(0, q);
        String query = q < 0 ? null : rest.substring(q + 1);
        Integer track = null;
        Matcher m = TRACK.matcher(rawPath);
        if (m.find()) {
            track = Integer.valueOf(m.group(1));
            rawPath = rawPath.substring(0, m.start());
        } else if (query != null && (m = TRACK.matcher(query)).find()) {
            track = Integer.valueOf(m.group(1));
            query = query.substring(0, m.start());
        }
        String path = decode(rawPath);
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.isEmpty()) {
            path = "/";
        }
        String aggregate = prefix + (rawPath.isEmpty() ? "/" : rawPath) + (query == null || query.isEmpty() ? "" : "?" + query);
        if (!aggregate.endsWith("/")) {
            aggregate += "/";
        }
        return new RequestUrl(path, track, aggregate);
    }

    private static String decode(String raw) {
        try {
            String decoded = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
            if (decoded.indexOf('\0') >= 0) {
                throw new RtspException(RtspStatus.BAD_REQUEST, "NUL in request path");
            }
            return decoded.isEmpty() ? "/" : decoded;
        } catch (IllegalArgumentException e) {
            throw new RtspException(RtspStatus.BAD_REQUEST, "bad percent-encoding in request URI");
        }
    }
}
