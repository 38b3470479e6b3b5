package io.tributary.transports.tls.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A private key and the certificate chain it belongs to (the server's certificate first).
 * {@link #toString()} names the certificate only: the key never reaches a log.
 */
record TlsMaterial(PrivateKey key, List<X509Certificate> chain) {
    private static final HexFormat COLON_HEX = HexFormat.ofDelimiter(":").withUpperCase();

    TlsMaterial {
        Objects.requireNonNull(key, "key");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("no certificate");
        }
    }

    /** The server's own certificate. */
    X509Certificate certificate() {
        return chain.get(0);
    }

    /** The SHA-256 fingerprint of the server's certificate as {@code openssl x509 -fingerprint -sha256} prints it. */
    String fingerprint() {
        return fingerprint(certificate());
    }

    static String fingerprint(X509Certificate certificate) {
        try {
            return COLON_HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint " + certificate.getSubjectX500Principal(), e);
        }
    }

    @Override
    public String toString() {
        return certificate().getSubjectX500Principal().getName() + " (SHA-256 " + fingerprint() + ")";
    }
}
