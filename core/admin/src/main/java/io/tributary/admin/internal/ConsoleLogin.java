package io.tributary.admin.internal;

import io.tributary.api.auth.AccessDeniedException;
import io.tributary.api.auth.AccessGuard;
import io.tributary.api.auth.Permission;
import io.tributary.api.auth.UserPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.apache.felix.webconsole.spi.SecurityProvider;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web console's login: HTTP Basic checked by the same users and permissions as RTSP
 * ({@link AccessGuard}), needing {@code admin} on {@code /}. The launcher makes the console
 * require this provider ({@code felix.webconsole.security.providers=tributary}), so the console
 * is closed while it is missing, instead of falling back to the console's own fixed password.
 */
@Component(service = SecurityProvider.class, property = {
        SecurityProvider.PROPERTY_ID + "=" + ConsoleLogin.ID,
        "service.ranking:Integer=1000" })
public final class ConsoleLogin implements SecurityProvider {
    static final String ID = "tributary";
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleLogin.class);
    private static final String CHALLENGE = "Basic realm=\"Tributary console\", charset=\"UTF-8\"";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AccessGuard guard;

    public ConsoleLogin() {
    }

    ConsoleLogin(AccessGuard guard) {
        this.guard = guard;
    }

    @Override
    public Object authenticate(HttpServletRequest request, HttpServletResponse response) {
        AccessGuard current = guard;
        try {
            if (current == null) {
                response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "the access guard is not running");
                return null;
            }
            char[][] credentials = basic(request.getHeader("Authorization"));
            try {
                InetSocketAddress remote = new InetSocketAddress(request.getRemoteAddr(), request.getRemotePort());
                Optional<UserPrincipal> user = current.login(credentials == null ? null : new String(credentials[0]),
                        credentials == null ? new char[0] : credentials[1], Permission.ADMIN, "/", remote,
                        request.isSecure() ? "https" : "http", request.isSecure());
                return user.map(UserPrincipal::name).orElse("anonymous");
            } finally {
                if (credentials != null) {
                    Arrays.fill(credentials[1], '\0');
                }
            }
        } catch (AccessDeniedException e) {
            LOG.debug("console login from {} refused: {}", request.getRemoteAddr(), e.getMessage());
            refuse(response, e);
            return null;
        } catch (IOException e) {
            LOG.debug("console login answer failed: {}", e.toString());
            return null;
        }
    }

    private static void refuse(HttpServletResponse response, AccessDeniedException e) {
        try {
            if (e.authenticate()) {
                response.setHeader("WWW-Authenticate", CHALLENGE);
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED, e.getMessage());
            } else {
                response.sendError(HttpServletResponse.SC_FORBIDDEN, e.getMessage());
            }
        } catch (IOException | IllegalStateException ignored) {
            // the client went away
        }
    }

    /** {@code {user, password}} from {@code Basic base64(user:password)}, or null when absent or unreadable. */
    static char[][] basic(String header) {
        if (header == null || header.length() < 6 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(header.substring(6).trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            char[] all = new char[chars.remaining()];
            chars.get(all);
            int colon = -1;
            for (int i = 0; i < all.length; i++) {
                if (all[i] == ':') {
                    colon = i;
                    break;
                }
            }
            if (colon <= 0) {
                Arrays.fill(all, '\0');
                return null;
            }
            char[][] pair = {Arrays.copyOfRange(all, 0, colon), Arrays.copyOfRange(all, colon + 1, all.length)};
            Arrays.fill(all, '\0');
            return pair;
        } catch (CharacterCodingException e) {
            return null;
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    @Override
    public boolean authorize(Object user, String role) {
        return true; // admin on / was checked at login: the whole console is theirs
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response) {
        // HTTP Basic has no logout: the browser forgets the credentials when it is closed
    }
}
