package io.tributary.auth.httphook.internal;

import static io.tributary.auth.httphook.internal.TestConfigs.config;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.api.auth.Authorizer;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;

class HttpHookComponentTest {
    /** One registerService call, and whether its registration was withdrawn. */
    private record Registered(Object service, Dictionary<?, ?> properties, boolean[] unregistered) {
    }

    private final List<Registered> registered = new ArrayList<>();

    /** The two calls the component makes on its bundle context; any other is a test failure. */
    private final BundleContext context = (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                if (!method.getName().equals("registerService") || args[0] != Authorizer.class) {
                    throw new AssertionError("unexpected " + method);
                }
                boolean[] unregistered = new boolean[1];
                registered.add(new Registered(args[1], (Dictionary<?, ?>) args[2], unregistered));
                return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ServiceRegistration.class},
                        (registration, call, callArgs) -> {
                            if (!call.getName().equals("unregister")) {
                                throw new AssertionError("unexpected " + call);
                            }
                            unregistered[0] = true;
                            return null;
                        });
            });

    @Test
    void aValidConfigurationRegistersTheAuthorizerWithItsRankingUntilDeactivated() {
        HttpHookComponent component = new HttpHookComponent(context, config("url", "http://127.0.0.1:9/auth"));
        assertEquals(1, registered.size());
        assertInstanceOf(HttpHookAuthorizer.class, registered.getFirst().service());
        assertEquals(100, registered.getFirst().properties().get(Constants.SERVICE_RANKING));
        component.deactivate();
        assertTrue(registered.getFirst().unregistered()[0]);
    }

    @Test
    void theRankingComesFromTheConfiguration() {
        new HttpHookComponent(context, config("url", "http://127.0.0.1:9/auth", "service_ranking", 7)).deactivate();
        assertEquals(7, registered.getFirst().properties().get(Constants.SERVICE_RANKING));
    }

    @Test
    void aBadOrMissingUrlRegistersNothing() {
        new HttpHookComponent(context, config()).deactivate();
        new HttpHookComponent(context, config("url", "ftp://auth/")).deactivate();
        new HttpHookComponent(context, config("url", "http://auth/", "onError", "allow")).deactivate();
        assertEquals(List.of(), registered);
    }
}
