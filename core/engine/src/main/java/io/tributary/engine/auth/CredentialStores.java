package io.tributary.engine.auth;

import io.tributary.api.auth.CredentialStore;
import io.tributary.engine.path.Whiteboard;
import java.util.Optional;

/**
 * The installed credential stores as one, for schemes ({@code AuthContext#credentials()}) and
 * console logins: each question goes to the stores, highest ranking first, until one knows
 * the user.
 */
public final class CredentialStores implements CredentialStore {
    private final Whiteboard<CredentialStore> stores;

    public CredentialStores(Whiteboard<CredentialStore> stores) {
        this.stores = stores;
    }

    @Override
    public PasswordCheck checkPassword(String user, char[] password) {
        for (CredentialStore store : stores.all()) {
            PasswordCheck check = store.checkPassword(user, password);
            if (check != PasswordCheck.UNKNOWN_USER) {
                return check;
            }
        }
        return PasswordCheck.UNKNOWN_USER;
    }

    @Override
    public Optional<String> digestHa1(String user, String realm, String algorithm) {
        for (CredentialStore store : stores.all()) {
            Optional<String> ha1 = store.digestHa1(user, realm, algorithm);
            if (ha1.isPresent()) {
                return ha1;
            }
        }
        return Optional.empty();
    }
}
