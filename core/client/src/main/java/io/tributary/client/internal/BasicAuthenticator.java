package io.tributary.client.internal;

import io.tributary.client.Credentials;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** RFC 7617: {@code Basic base64(user:password)}, UTF-8 as modern servers expect. */
public final class BasicAuthenticator implements Authenticator {
    private final String value;

    public BasicAuthenticator(Credentials credentials) {
        String pair = credentials.username() + ":" + credentials.password();
        value = "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String authorization(String method, String uri, byte[] body) {
        return value;
    }

    @Override
    public String describe() {
        return "Basic";
    }

    @Override
    public String toString() {
        return "BasicAuthenticator";
    }
}
