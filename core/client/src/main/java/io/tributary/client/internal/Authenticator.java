package io.tributary.client.internal;

/** Produces the {@code Authorization} value for each request once a challenge was accepted. */
public sealed interface Authenticator permits BasicAuthenticator, DigestAuthenticator {

    /**
     * The header value for a request. Digest counts requests ({@code nc}), so call it once per
     * request actually sent.
     *
     * @param uri the request URI exactly as on the request line
     */
    String authorization(String method, String uri, byte[] body);

    /** The scheme, for logs: {@code Basic} or {@code Digest SHA-256}. Never a secret. */
    String describe();
}
