package io.tributary.auth.users.internal;

import io.tributary.api.testing.Configs;
import io.tributary.auth.users.internal.account.StoredUser;
import java.util.HashMap;
import java.util.Map;

/** Configurations as Declarative Services hands them over: the given values, else the defaults. */
final class TestConfigs {
    private TestConfigs() {
    }

    /** A directory activated with these shared settings. */
    static UserDirectory directory(Map<String, Object> settings) {
        UserDirectory directory = new UserDirectory();
        directory.activate(auth(settings));
        return directory;
    }

    static AuthConfig auth(Map<String, Object> values) {
        return config(AuthConfig.class, values);
    }

    static UserConfig user(Map<String, Object> values) {
        return config(UserConfig.class, values);
    }

    /** The component of a user configuration holding these values. */
    static UserAccount account(StoredUser user) {
        Map<String, Object> values = new HashMap<>();
        values.put("name", user.name());
        values.put("password", user.password());
        values.put("digestRealm", user.digestRealm());
        values.put("digestMd5", user.digestMd5());
        values.put("digestSha256", user.digestSha256());
        values.put("permit", user.permit());
        return new UserAccount(user(values), Map.of("service.pid", "io.tributary.user~" + user.name()));
    }

    private static <T> T config(Class<T> type, Map<String, Object> values) {
        return Configs.of(type, values);
    }
}
