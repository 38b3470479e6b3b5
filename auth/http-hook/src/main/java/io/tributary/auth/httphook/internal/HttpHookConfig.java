package io.tributary.auth.httphook.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** Configuration of the HTTP authorization hook (PID {@value #PID}); without it the hook is off. */
@ObjectClassDefinition(name = "Tributary HTTP authorization hook",
        description = "Asks an HTTP service whether a request is allowed: each request is POSTed as JSON"
                + " (user, password, digest, verified, action, path, ip, protocol, method); 2xx allows, 4xx refuses")
public @interface HttpHookConfig {
    String PID = "io.tributary.auth.httphook";

    @AttributeDefinition(description = "The service's http:// or https:// URL; user info in it"
            + " (http://user:pass@host/auth) is sent to the service as Basic credentials")
    String url();

    @AttributeDefinition(description = "Milliseconds to wait for the connection and for the whole answer")
    long timeoutMillis() default 2000;

    @AttributeDefinition(description = "Seconds an answer is reused for the same request; 0 asks every time")
    int cacheSeconds() default 30;

    @AttributeDefinition(description = "Most answers kept; 0 keeps none")
    int cacheSize() default 10000;

    @AttributeDefinition(description = "What to answer when the service cannot be reached, times out, redirects"
            + " or answers 5xx: deny the request, or abstain and let the next authorizer decide",
            options = {@Option(label = "Deny", value = "deny"), @Option(label = "Abstain", value = "abstain")})
    String onError() default "deny";

    @AttributeDefinition(name = "Service ranking", description = "Authorizers are asked highest first; the local"
            + " user store ranks 0")
    int service_ranking() default 100;
}
