package io.tributary.itest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An independent Digest client for raw-socket tests (RFC 7616 with {@code qop=auth}, or the
 * RFC 2069 form GStreamer uses): it answers the last MD5 challenge of a 401, as ffmpeg does.
 */
final class DigestLogin {
    private static final Pattern PARAM = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]*))");
    private final String user;
    private final String password;
    private final Map<String, String> challenge;
    private int nc;

    private DigestLogin(String user, String password, Map<String, String> challenge) {
        this.user = user;
        this.password = password;
        this.challenge = challenge;
    }

    /** From a 401's {@code WWW-Authenticate} values (RawRtsp joins them with line feeds). */
    static DigestLogin answer(String wwwAuthenticate, String user, String password) {
        Map<String, String> md5 = null;
        for (String line : wwwAuthenticate.split("\n")) {
            if (!line.startsWith("Digest ")) {
                continue;
            }
            Map<String, String> params = new LinkedHashMap<>();
            Matcher m = PARAM.matcher(line.substring(7));
            while (m.find()) {
                params.put(m.group(1).toLowerCase(), m.group(2) != null ? m.group(2) : m.group(3));
            }
            if ("MD5".equalsIgnoreCase(params.getOrDefault("algorithm", "MD5"))) {
                md5 = params;
            }
        }
        if (md5 == null) {
            throw new AssertionError("no MD5 Digest challenge in " + wwwAuthenticate);
        }
        return new DigestLogin(user, password, md5);
    }

    /** The {@code Authorization} header line for one request, with qop=auth when offered. */
    String header(String method, String uri) {
        String realm = challenge.get("realm");
        String nonce = challenge.get("nonce");
        String ha1 = md5(user + ":" + realm + ":" + password);
        String ha2 = md5(method + ":" + uri);
        if (challenge.getOrDefault("qop", "").contains("auth")) {
            String count = String.format("%08x", ++nc);
            String cnonce = "0a4f113b";
            String response = md5(ha1 + ":" + nonce + ":" + count + ":" + cnonce + ":auth:" + ha2);
            return "Authorization: Digest username=\"" + user + "\", realm=\"" + realm + "\", nonce=\"" + nonce
                    + "\", uri=\"" + uri + "\", response=\"" + response + "\", algorithm=MD5, qop=auth, nc=" + count
                    + ", cnonce=\"" + cnonce + "\"";
        }
        return legacyHeader(method, uri);
    }

    /** RFC 2069 form, as GStreamer's rtspsrc answers: no qop, no nonce count. */
    String legacyHeader(String method, String uri) {
        String realm = challenge.get("realm");
        String nonce = challenge.get("nonce");
        String response = md5(md5(user + ":" + realm + ":" + password) + ":" + nonce + ":" + md5(method + ":" + uri));
        return "Authorization: Digest username=\"" + user + "\", realm=\"" + realm + "\", nonce=\"" + nonce
                + "\", uri=\"" + uri + "\", response=\"" + response + "\"";
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
