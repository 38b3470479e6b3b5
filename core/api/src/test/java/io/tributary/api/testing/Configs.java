package io.tributary.api.testing;

import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * Configuration annotations ({@code @ObjectClassDefinition} types) as Declarative Services
 * makes them: the declared defaults, with some values given, for testing components without
 * a framework.
 */
public final class Configs {
    private Configs() {
    }

    /** An instance of {@code type} answering {@code values} by method name, else the declared default. */
    public static <A> A of(Class<A> type, Map<String, ?> values) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    if (values.containsKey(method.getName())) {
                        return values.get(method.getName());
                    }
                    return switch (method.getName()) {
                        case "annotationType" -> type;
                        case "toString" -> type.getSimpleName() + values;
                        case "hashCode" -> values.hashCode();
                        case "equals" -> proxy == args[0];
                        default -> method.getDefaultValue(); // null where the annotation has none, as DS does
                    };
                }));
    }
}
