package io.tributary.auth.users.internal;

import io.tributary.auth.users.internal.account.AuthFile;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings shared by all users (PID {@code io.tributary.auth}, file {@code etc/io.tributary.auth.cfg}). */
@ObjectClassDefinition(name = "Tributary authentication",
        description = "The realm of logins and what clients may do without logging in")
public @interface AuthConfig {
    @AttributeDefinition(description = "Realm of Basic and Digest logins. Users' Digest hashes are made for one realm:"
            + " after changing it, set their passwords again (tributary user passwd NAME)")
    String realm() default AuthFile.DEFAULT_REALM;

    @AttributeDefinition(required = false,
            description = "Permissions of clients that did not log in, comma-separated:"
                    + " <read|publish|admin>:<path pattern>[ tls][ from <range> ...]. Empty: log in for everything")
    String anonymous() default AuthFile.DEFAULT_ANONYMOUS;
}
