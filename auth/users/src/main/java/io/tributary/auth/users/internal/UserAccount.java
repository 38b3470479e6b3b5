package io.tributary.auth.users.internal;

import io.tributary.auth.users.internal.account.Account;
import io.tributary.auth.users.internal.account.StoredUser;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One user configuration ({@code io.tributary.user~<name>}, from the file
 * {@code etc/io.tributary.user-<name>.cfg}), parsed, and offered to the {@link UserDirectory}
 * as a service of this bundle's own (its package is not exported). A changed file replaces
 * the component (Declarative Services deactivates it and activates a new one), and the
 * directory sees the old account go and the new one come.
 *
 * <p>Why a component per user rather than a ManagedServiceFactory: Declarative Services then
 * does the bookkeeping of configurations coming, changing and going, the metatype
 * ("Tributary user") comes from the same annotations as the rest of Tributary, and the
 * directory is an ordinary whiteboard of services that tests drive by calling its bind methods.
 */
@Component(configurationPid = UserConfig.FACTORY_PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = UserAccount.class)
@Designate(ocd = UserConfig.class, factory = true)
public final class UserAccount {
    private static final Logger LOG = LoggerFactory.getLogger(UserAccount.class);
    private static final String FILE_NAME = "felix.fileinstall.filename";

    private final Optional<Account> account;

    @Activate
    public UserAccount(UserConfig config, Map<String, Object> properties) {
        StoredUser stored = new StoredUser(config.name(), config.password(), config.digestRealm(), config.digestMd5(),
                config.digestSha256(), config.permit());
        Optional<Account> parsed;
        try {
            parsed = Optional.of(Account.of(stored, LOG::warn));
        } catch (IllegalArgumentException badName) {
            LOG.warn("{}: {}; this user is ignored", source(properties), badName.getMessage());
            parsed = Optional.empty();
        }
        this.account = parsed;
    }

    /** The user; empty when the configuration has no valid name (a warning said so). */
    Optional<Account> account() {
        return account;
    }

    /** Where the configuration came from, for messages: its file's name, else its PID. */
    private static String source(Map<String, Object> properties) {
        Object file = properties.get(FILE_NAME);
        if (file != null) {
            String text = file.toString();
            return text.substring(text.lastIndexOf('/') + 1);
        }
        return String.valueOf(properties.get("service.pid"));
    }

    @Override
    public String toString() {
        return "UserAccount[" + account.map(Account::name).orElse("invalid") + "]";
    }
}
