package io.tributary.sources.relay.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/** Path configurations as Declarative Services would hand them over: the given values, else the defaults. */
final class TestConfigs {
    private TestConfigs() {
    }

    static RelayPathConfig config(Map<String, Object> values) {
        return (RelayPathConfig) Proxy.newProxyInstance(RelayPathConfig.class.getClassLoader(),
                new Class<?>[] {RelayPathConfig.class}, (proxy, method, args) -> {
                    if (values.containsKey(method.getName())) {
                        return values.get(method.getName());
                    }
                    return switch (method.getName()) {
                        case "annotationType" -> RelayPathConfig.class;
                        case "toString" -> "RelayPathConfig" + values;
                        case "hashCode" -> values.hashCode();
                        case "equals" -> proxy == args[0];
                        default -> method.getDefaultValue(); // null where the annotation has none, as DS does
                    };
                });
    }

    static RelaySettings settings(Map<String, Object> values) {
        return RelaySettings.of(config(values)).orElseThrow();
    }
}
