package io.tributary.auth.basic.internal;

import io.tributary.api.auth.AuthContext;
import io.tributary.api.auth.AuthResult;
import io.tributary.api.auth.AuthScheme;
import io.tributary.api.auth.PresentedCredentials;
import io.tributary.api.auth.UserPrincipal;
import io.tributary.rtsp.header.Authorization;
import io.tributary.rtsp.header.Challenge;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP Basic (RFC 7617). It sends the password itself, so it is offered and accepted only on
 * encrypted connections unless {@link BasicConfig#allowWithoutTls()}; in exchange it works
 * with any password store, hashed however the store likes.
 */
@Component(service = AuthScheme.class, configurationPid = {"io.tributary.auth", "io.tributary.auth.basic"},
        property = {AuthScheme.SCHEME + "=Basic", "service.ranking:Integer=100"})
public final class BasicAuthScheme implements AuthScheme {
    private static final Logger LOG = LoggerFactory.getLogger(BasicAuthScheme.class);

    private final String realm;
    private final boolean allowWithoutTls;

    @Activate
    public BasicAuthScheme(BasicConfig config) {
        for (int k = 0; k < config.realm().length(); k++) {
            if (config.realm().charAt(k) < 0x20 || config.realm().charAt(k) == 0x7F) {
                throw new IllegalArgumentException("realm must not contain control characters");
            }
        }
        this.realm = config.realm();
        this.allowWithoutTls = config.allowWithoutTls();
    }

    @Override
    public List<Challenge> challenges(AuthContext context, boolean stale) {
        if (!offeredOn(context)) {
            return List.of();
        }
        return List.of(Challenge.of("Basic", "realm", realm, "charset", "UTF-8"));
    }

    @Override
    public AuthResult authenticate(Authorization credentials, AuthContext context) {
        if (!offeredOn(context)) {
            return rejected(null, context, "Basic is only accepted over TLS");
        }
        if (credentials.token68() == null) {
            return rejected(null, context, "no Basic credentials");
        }
        BasicCredentials basic;
        try {
            basic = BasicCredentials.decode(credentials.token68());
        } catch (IllegalArgumentException malformed) {
            return rejected(null, context, malformed.getMessage());
        }
        try {
            return switch (context.credentials().checkPassword(basic.user(), basic.password())) {
                case VALID -> new AuthResult.Authenticated(new UserPrincipal(basic.user()));
                case INVALID -> rejected(basic.user(), context, "wrong password");
                // no store knows the user: an authorizer that checks passwords elsewhere may
                case UNKNOWN_USER -> new AuthResult.Unverified(new PresentedCredentials("Basic", basic.user(),
                        new String(basic.password()), Map.of()));
            };
        } finally {
            basic.clear();
        }
    }

    private boolean offeredOn(AuthContext context) {
        return context.secure() || allowWithoutTls;
    }

    private static AuthResult rejected(String user, AuthContext context, String reason) {
        LOG.debug("Basic credentials of {} from {} refused: {}", user, context.remoteAddress(), reason);
        return new AuthResult.Rejected(reason);
    }
}
