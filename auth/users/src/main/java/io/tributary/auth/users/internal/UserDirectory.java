package io.tributary.auth.users.internal;

import io.tributary.auth.users.internal.account.Account;
import io.tributary.auth.users.internal.account.AuthFile;
import io.tributary.auth.users.internal.permit.Permit;
import io.tributary.auth.users.internal.permit.PermitParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The users by name, with the shared settings ({@code io.tributary.auth}): a whiteboard of
 * {@link UserAccount}s folded into one immutable {@link Users} snapshot, replaced whenever
 * an account or the settings change. Readers ({@link UserCredentialStore},
 * {@link UserAuthorizer}) read the current snapshot; watchers hear of each new one.
 *
 * <p>Two configurations naming the same user cancel each other (with a warning) rather than
 * one of them winning by chance. Warnings about what the operator must fix wait a moment
 * for further changes (see {@link #review}), on the common pool's delayed executor: no thread
 * of this bundle's own, and a review after deactivation does nothing.
 */
@Component(service = UserDirectory.class, configurationPid = AuthFile.PID)
@Designate(ocd = AuthConfig.class)
public final class UserDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(UserDirectory.class);
    /** How long warnings wait for further changes, so that a burst of them (start-up) gives one warning. */
    static final long REVIEW_DELAY_MILLIS = 1000;

    private final Executor later;
    private final Consumer<String> warn;
    private final List<UserAccount> accounts = new ArrayList<>();
    private final List<BiConsumer<Users, Users>> watchers = new CopyOnWriteArrayList<>();
    // guarded by accounts:
    private boolean active;
    private String realm = AuthFile.DEFAULT_REALM;
    private List<Permit> anonymous = List.of();
    private Set<String> duplicates = Set.of();
    private long changes;
    private Set<String> warnedOutOfRealm = Set.of();
    private Set<String> warnedDuplicates = Set.of();
    private volatile Users users = new Users(Map.of(), AuthFile.DEFAULT_REALM, List.of());

    public UserDirectory() {
        this(CompletableFuture.delayedExecutor(REVIEW_DELAY_MILLIS, TimeUnit.MILLISECONDS), LOG::warn);
    }

    /**
     * @param later runs the review of each change a little later (tests run it when they like)
     * @param warn  where warnings go
     */
    UserDirectory(Executor later, Consumer<String> warn) {
        this.later = later;
        this.warn = warn;
    }

    /**
     * Declarative Services binds the accounts there are before it calls this (an activate
     * method rather than a constructor for that reason), so the first snapshot has them all;
     * configurations that Config Admin delivers later come one by one.
     */
    @Activate
    void activate(AuthConfig config) {
        synchronized (accounts) {
            active = true;
            settings(config);
            rebuild();
        }
    }

    @Deactivate
    void deactivate() {
        synchronized (accounts) {
            active = false;
        }
    }

    @Modified
    void modified(AuthConfig config) {
        synchronized (accounts) {
            settings(config);
            rebuild();
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeAccount")
    void addAccount(UserAccount account) {
        synchronized (accounts) {
            accounts.add(account);
            if (active) {
                rebuild();
            }
        }
    }

    void removeAccount(UserAccount account) {
        synchronized (accounts) {
            if (accounts.remove(account) && active) {
                rebuild();
            }
        }
    }

    /** The current snapshot. */
    public Users users() {
        return users;
    }

    /** From now on, {@code watcher} gets (previous, current) after each change, on the changing thread. */
    void watch(BiConsumer<Users, Users> watcher) {
        watchers.add(watcher);
    }

    void unwatch(BiConsumer<Users, Users> watcher) {
        watchers.remove(watcher);
    }

    private void settings(AuthConfig config) {
        realm = AuthFile.realmOrDefault(config.realm());
        anonymous = PermitParser.parseValid(config.anonymous() == null ? "" : config.anonymous(), (entry, reason) ->
                warn.accept(AuthFile.PID + ": anonymous permission " + entry + " ignored: " + reason));
    }

    /** Makes the next snapshot; called with the accounts' lock held, so snapshots follow one another in order. */
    private void rebuild() {
        Map<String, Account> byName = new HashMap<>();
        Set<String> named = new TreeSet<>();
        for (UserAccount component : accounts) {
            component.account().ifPresent(account -> {
                if (byName.putIfAbsent(account.name(), account) != null) {
                    named.add(account.name());
                }
            });
        }
        byName.keySet().removeAll(named);
        duplicates = named;
        Users previous = users;
        Users current = new Users(byName, realm, anonymous);
        users = current;
        long change = ++changes;
        later.execute(() -> review(change));
        for (BiConsumer<Users, Users> watcher : watchers) {
            watcher.accept(previous, current);
        }
    }

    /**
     * Warns about what the operator must fix, once the changes have settled: users whose Digest
     * hashes are for another realm, and users named by two configurations. Each warning lists
     * all such users and is repeated only when the list changes.
     */
    private void review(long change) {
        synchronized (accounts) {
            if (!active || change != changes) {
                return; // deactivated, or a later change will be reviewed
            }
            Users current = users;
            if (!duplicates.isEmpty() && !duplicates.equals(warnedDuplicates)) {
                warn.accept("users defined by more than one configuration are ignored until one is left: " + duplicates);
            }
            warnedDuplicates = duplicates;
            Set<String> outOfRealm = new TreeSet<>();
            for (Account account : current.byName().values()) {
                if (!account.digest().realm().equals(current.realm())) {
                    outOfRealm.add(account.name());
                }
            }
            if (!outOfRealm.isEmpty() && !outOfRealm.equals(warnedOutOfRealm)) {
                warn.accept("Digest logins fail for users whose Digest hashes are not for realm \"" + current.realm()
                        + "\": " + outOfRealm + "; run `tributary user passwd <name>` to make Digest work for them");
            }
            warnedOutOfRealm = outOfRealm;
        }
    }
}
