package io.tributary.api.auth;

import java.util.Objects;

/** What an {@link AuthScheme} found out about a request's credentials. */
public sealed interface AuthResult {
    /** The credentials are right: the request is the user's. */
    record Authenticated(UserPrincipal user) implements AuthResult {
        public Authenticated {
            Objects.requireNonNull(user, "user");
        }
    }

    /**
     * Well-formed credentials of a user no installed {@link CredentialStore} knows: an
     * {@link Authorizer} that checks them elsewhere (an HTTP backend) may accept them.
     */
    record Unverified(PresentedCredentials credentials) implements AuthResult {
        public Unverified {
            Objects.requireNonNull(credentials, "credentials");
        }
    }

    /**
     * Wrong or malformed credentials (counted as a failed attempt).
     *
     * @param reason for the server's log; never a secret
     */
    record Rejected(String reason) implements AuthResult {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The credentials were right, but their nonce has expired: challenge again with {@code stale=true}. */
    record Stale() implements AuthResult {
    }
}
