package io.tributary.client.internal;

import io.tributary.client.Credentials;
import io.tributary.rtsp.header.Authorization;
import io.tributary.rtsp.header.Challenge;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * HTTP Digest as RTSP uses it (RFC 7616, RFC 2617, and RFC 2069's form without {@code qop}):
 * MD5, SHA-256 and SHA-512-256, their {@code -sess} variants, {@code qop=auth} (preferred) or
 * {@code auth-int}, {@code userhash}. One client nonce per server nonce, with {@code nc}
 * counting the requests made with it.
 *
 * <p>Not thread-safe: used from the session's event loop only.
 */
public final class DigestAuthenticator implements Authenticator {

    /** The hash functions RFC 7616 §6.1 registers, weakest first. */
    enum Algorithm {
        MD5("MD5", "MD5"),
        SHA_256("SHA-256", "SHA-256"),
        SHA_512_256("SHA-512-256", "SHA-512/256");

        final String token;
        final String jca;

        Algorithm(String token, String jca) {
            this.token = token;
            this.jca = jca;
        }
    }

    private final Credentials credentials;
    private final String realm;
    private final String nonce;
    private final String opaque;
    /** The algorithm token as the challenge named it; null when it named none (RFC 2069 servers). */
    private final String algorithmToken;
    private final Algorithm algorithm;
    private final boolean sess;
    /** {@code auth}, {@code auth-int}, or null for the RFC 2069 computation. */
    private final String qop;
    private final boolean userhash;
    private final String cnonce;
    private int nc;

    private DigestAuthenticator(Challenge c, Credentials credentials, Algorithm algorithm, boolean sess, String qop,
            Supplier<String> cnonces) {
        this.credentials = credentials;
        this.realm = c.param("realm") == null ? "" : c.param("realm");
        this.nonce = c.param("nonce");
        this.opaque = c.param("opaque");
        this.algorithmToken = c.param("algorithm");
        this.algorithm = algorithm;
        this.sess = sess;
        this.qop = qop;
        this.userhash = "true".equalsIgnoreCase(c.param("userhash"));
        this.cnonce = cnonces.get();
    }

    /**
     * An authenticator for a Digest challenge, or null when it cannot be answered: no nonce,
     * an unknown algorithm, or only unknown {@code qop} values.
     */
    public static DigestAuthenticator from(Challenge c, Credentials credentials, Supplier<String> cnonces) {
        if (!c.is("Digest") || c.param("nonce") == null) {
            return null;
        }
        String token = c.param("algorithm") == null ? "MD5" : c.param("algorithm").trim();
        boolean sess = token.toLowerCase(Locale.ROOT).endsWith("-sess");
        String base = sess ? token.substring(0, token.length() - 5) : token;
        Algorithm algorithm = null;
        for (Algorithm a : Algorithm.values()) {
            if (a.token.equalsIgnoreCase(base)) {
                algorithm = a;
            }
        }
        if (algorithm == null) {
            return null;
        }
        String qop = null;
        String offered = c.param("qop");
        if (offered != null) {
            List<String> options = List.of(offered.toLowerCase(Locale.ROOT).split("\\s*,\\s*"));
            if (options.contains("auth")) {
                qop = "auth";
            } else if (options.contains("auth-int")) {
                qop = "auth-int";
            } else if (!offered.isBlank()) {
                return null;
            }
        }
        return new DigestAuthenticator(c, credentials, algorithm, sess, qop, cnonces);
    }

    /** Higher is stronger: used to pick among challenges. */
    int strength() {
        return 2 + algorithm.ordinal();
    }

    @Override
    public String authorization(String method, String uri, byte[] body) {
        String user = userhash ? hash(credentials.username() + ":" + realm) : credentials.username();
        String ha1 = hash(credentials.username() + ":" + realm + ":" + credentials.password());
        if (sess) {
            ha1 = hash(ha1 + ":" + nonce + ":" + cnonce);
        }
        String ha2 = "auth-int".equals(qop)
                ? hash(method + ":" + uri + ":" + hash(body == null ? new byte[0] : body))
                : hash(method + ":" + uri);
        String response;
        String ncText = null;
        if (qop == null) {
            response = hash(ha1 + ":" + nonce + ":" + ha2);
        } else {
            nc++;
            ncText = String.format(Locale.ROOT, "%08x", nc);
            response = hash(ha1 + ":" + nonce + ":" + ncText + ":" + cnonce + ":" + qop + ":" + ha2);
        }
        List<String> params = new ArrayList<>(20);
        add(params, "username", user);
        add(params, "realm", realm);
        add(params, "nonce", nonce);
        add(params, "uri", uri);
        add(params, "response", response);
        if (algorithmToken != null) {
            add(params, "algorithm", algorithmToken);
        }
        if (qop != null) {
            add(params, "qop", qop);
            add(params, "nc", ncText);
            add(params, "cnonce", cnonce);
        }
        if (opaque != null) {
            add(params, "opaque", opaque);
        }
        if (userhash) {
            add(params, "userhash", "true");
        }
        return Authorization.of("Digest", params.toArray(String[]::new)).format();
    }

    private static void add(List<String> params, String name, String value) {
        params.add(name);
        params.add(value);
    }

    @Override
    public String describe() {
        return "Digest " + algorithm.token + (sess ? "-sess" : "") + (qop == null ? "" : " qop=" + qop);
    }

    private String hash(String text) {
        return hash(text.getBytes(StandardCharsets.UTF_8));
    }

    private String hash(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm.jca).digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm.jca + " missing from the JDK", e);
        }
    }

    @Override
    public String toString() {
        return "DigestAuthenticator[" + describe() + "]";
    }
}
