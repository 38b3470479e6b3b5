package io.tributary.api.auth;

import io.tributary.rtsp.header.Authorization;
import io.tributary.rtsp.header.Challenge;
import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * One HTTP-style authentication scheme (Basic, Digest). Register with {@link #SCHEME}; the
 * engine offers every installed scheme's challenges in a 401, in service ranking order
 * (highest first). Authentication only says who the user is; {@link Authorizer} says what
 * they may do.
 *
 * <p>Called off the event loops, so an implementation may take its time (a slow password
 * hash), within the engine's authentication timeout.
 */
@ConsumerType
public interface AuthScheme {
    /** Service property: the scheme name as in {@code WWW-Authenticate}, e.g. {@code Digest}. */
    String SCHEME = "tributary.auth.scheme";

    /**
     * The challenges to send with a 401, in the order to send them (e.g. Digest SHA-256, then
     * MD5); empty when this scheme is not offered on this connection (Basic without TLS).
     *
     * @param stale {@code true} when the client's nonce expired: say so ({@code stale=true})
     */
    List<Challenge> challenges(AuthContext context, boolean stale);

    /** Checks credentials of this scheme (the engine routes by {@link Authorization#scheme()}). */
    AuthResult authenticate(Authorization credentials, AuthContext context);
}
