package io.tributary.auth.digest.internal;

import io.tributary.api.auth.AuthContext;
import io.tributary.api.auth.AuthResult;
import io.tributary.api.auth.AuthScheme;
import io.tributary.api.auth.PresentedCredentials;
import io.tributary.api.auth.UserPrincipal;
import io.tributary.rtsp.header.Authorization;
import io.tributary.rtsp.header.Challenge;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP Digest (RFC 7616) as RTSP clients speak it. A 401 carries one challenge per configured
 * algorithm, all with the same nonce (a client that reads the SHA-256 challenge but answers
 * in MD5 without naming it still gets in), {@code realm} first and {@code nonce} second
 * (live555 reads only that order). An answer with the right response but an old or foreign
 * nonce is {@link AuthResult.Stale}, so expiry and server restarts cost the client one more
 * round trip, never a failed login.
 *
 * <p>The metatype is designated by {@link DigestConfig} itself: DS's {@code @Designate} takes
 * one PID, and this component merges two.
 */
@Component(service = AuthScheme.class, configurationPid = {"io.tributary.auth", "io.tributary.auth.digest"},
        property = {AuthScheme.SCHEME + "=Digest", "service.ranking:Integer=200"})
public final class DigestAuthScheme implements AuthScheme {
    private static final Logger LOG = LoggerFactory.getLogger(DigestAuthScheme.class);

    private final DigestSettings settings;
    private final Nonces nonces;
    private final NonceCounts counts;

    @Activate
    public DigestAuthScheme(DigestConfig config) {
        this(DigestSettings.from(config), InstantSource.system(), new SecureRandom());
    }

    DigestAuthScheme(DigestSettings settings, InstantSource clock, SecureRandom random) {
        this.settings = settings;
        this.nonces = new Nonces(clock, random);
        this.counts = new NonceCounts(settings.nonceLifetime(), clock);
    }

    @Override
    public List<Challenge> challenges(AuthContext context, boolean stale) {
        String nonce = nonces.issue(context.remoteAddress());
        List<Challenge> challenges = new ArrayList<>(settings.algorithms().size());
        for (DigestAlgorithm algorithm : settings.algorithms()) {
            Challenge challenge = Challenge.of("Digest", "realm", settings.realm(), "nonce", nonce,
                    "algorithm", algorithm.token, "qop", "auth");
            challenges.add(stale ? challenge.with("stale", "true") : challenge);
        }
        return List.copyOf(challenges);
    }

    @Override
    public AuthResult authenticate(Authorization credentials, AuthContext context) {
        DigestAnswer answer;
        try {
            answer = DigestAnswer.of(credentials);
        } catch (IllegalArgumentException malformed) {
            return rejected(credentials.param("username"), context, malformed.getMessage());
        }
        String refusal = refusal(answer, context);
        if (refusal != null) {
            return rejected(answer.username(), context, refusal);
        }
        boolean withQop = answer.qop() != null;
        Nonces.Check nonce = nonces.check(answer.nonce(), context.remoteAddress(), settings.lifetime(withQop));
        Optional<String> ha1 = ha1(answer, context);
        if (ha1.isEmpty()) {
            // Only a live nonce of ours goes to the authorizers: they cannot check its freshness.
            return nonce == Nonces.Check.FRESH ? unverified(credentials, context) : stale(answer, context, nonce);
        }
        if (!DigestResponse.matches(answer, ha1.get(), context.method())) {
            return rejected(answer.username(), context, "wrong digest response");
        }
        if (nonce != Nonces.Check.FRESH) {
            return stale(answer, context, nonce);
        }
        if (withQop && !counts.firstUse(answer.nonce(), answer.nonceCount())) {
            return rejected(answer.username(), context, "replayed nonce count");
        }
        return new AuthResult.Authenticated(new UserPrincipal(answer.username()));
    }

    /** Why this answer cannot be accepted here whatever its response; null when it can. */
    private String refusal(DigestAnswer answer, AuthContext context) {
        if (!answer.realm().equals(settings.realm())) {
            return "realm mismatch";
        }
        if (!settings.accepts(answer.algorithm())) {
            return "algorithm " + answer.algorithm().token + " not offered";
        }
        if (answer.qop() == null && !settings.allowLegacy()) {
            return "answers without qop are not accepted";
        }
        if (!DigestUri.matches(answer.uri(), context.uri())) {
            return "uri does not match the request";
        }
        return null;
    }

    /** The HA1 of the first store that knows the user for this realm and hash function. */
    private static Optional<String> ha1(DigestAnswer answer, AuthContext context) {
        return context.credentials().digestHa1(answer.username(), answer.realm(), answer.algorithm().hash);
    }

    private static AuthResult unverified(Authorization credentials, AuthContext context) {
        Map<String, String> digest = new LinkedHashMap<>(credentials.params());
        digest.put("method", context.method());
        return new AuthResult.Unverified(new PresentedCredentials("Digest", credentials.param("username"), null, digest));
    }

    private static AuthResult stale(DigestAnswer answer, AuthContext context, Nonces.Check nonce) {
        LOG.debug("Digest nonce of {} from {} is {}: challenging again", answer.username(), context.remoteAddress(),
                nonce);
        return new AuthResult.Stale();
    }

    private static AuthResult rejected(String user, AuthContext context, String reason) {
        LOG.debug("Digest credentials of {} from {} refused: {}", user, context.remoteAddress(), reason);
        return new AuthResult.Rejected(reason);
    }
}
