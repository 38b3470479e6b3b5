package io.tributary.auth.httphook.internal;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/** Hook configurations as Declarative Services would hand them over: the given values, else the defaults. */
final class TestConfigs {
    private TestConfigs() {
    }

    /** A configuration from alternating keys and values (keys as the config record's method names). */
    static HttpHookConfig config(Object... keysAndValues) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return (HttpHookConfig) Proxy.newProxyInstance(HttpHookConfig.class.getClassLoader(),
                new Class<?>[] {HttpHookConfig.class}, (proxy, method, args) -> {
                    if (values.containsKey(method.getName())) {
                        return values.get(method.getName());
                    }
                    return switch (method.getName()) {
                        case "annotationType" -> HttpHookConfig.class;
                        case "toString" -> "HttpHookConfig" + values;
                        case "hashCode" -> values.hashCode();
                        case "equals" -> proxy == args[0];
                        default -> method.getDefaultValue(); // null where the annotation has none, as DS does
                    };
                });
    }

    static HookSettings settings(Object... keysAndValues) {
        return HookSettings.of(config(keysAndValues));
    }
}
