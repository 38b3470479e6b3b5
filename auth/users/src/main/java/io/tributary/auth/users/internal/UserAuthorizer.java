package io.tributary.auth.users.internal;

import io.tributary.api.auth.AccessRequest;
import io.tributary.api.auth.Authorizer;
import io.tributary.api.auth.Decision;
import io.tributary.api.auth.Permission;
import io.tributary.auth.users.internal.account.Account;
import io.tributary.auth.users.internal.permit.Action;
import io.tributary.auth.users.internal.permit.Permit;
import java.net.InetAddress;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Path permissions of the store's users and of anonymous clients:
 * <ul>
 * <li>a user of this store: PERMIT when one of their permissions or an {@code anonymous}
 *     permission matches (logging in never takes away what anyone may do), else DENY;</li>
 * <li>a user this store does not know: ABSTAIN (another authorizer may know them);</li>
 * <li>no credentials: PERMIT when an {@code anonymous} permission matches, else ABSTAIN, so
 *     that the engine asks the client to log in;</li>
 * <li>credentials nobody checked: ABSTAIN (they are for an authorizer that can check them).</li>
 * </ul>
 * Each action needs a permission of its own: {@code admin} implies neither {@code read} nor
 * {@code publish}.
 */
@Component(service = Authorizer.class, property = "service.ranking:Integer=0")
public final class UserAuthorizer implements Authorizer {
    private final UserDirectory directory;

    @Activate
    public UserAuthorizer(@Reference UserDirectory directory) {
        this.directory = directory;
    }

    @Override
    public Decision authorize(AccessRequest request) {
        if (request.presented() != null) {
            return Decision.ABSTAIN;
        }
        Users users = directory.users();
        Action action = action(request.permission());
        InetAddress client = request.remote().getAddress();
        if (request.user() != null) {
            Optional<Account> account = users.account(request.user().name());
            if (account.isEmpty()) {
                return Decision.ABSTAIN;
            }
            return account.get().allows(action, request.path(), client, request.secure())
                    || anonymousAllows(users, action, request, client)
                    ? Decision.PERMIT : Decision.DENY;
        }
        return anonymousAllows(users, action, request, client) ? Decision.PERMIT : Decision.ABSTAIN;
    }

    private static boolean anonymousAllows(Users users, Action action, AccessRequest request, InetAddress client) {
        for (Permit permit : users.anonymous()) {
            if (permit.allows(action, request.path(), client, request.secure())) {
                return true;
            }
        }
        return false;
    }

    private static Action action(Permission permission) {
        return switch (permission) {
            case READ -> Action.READ;
            case PUBLISH -> Action.PUBLISH;
            case ADMIN -> Action.ADMIN;
        };
    }
}
