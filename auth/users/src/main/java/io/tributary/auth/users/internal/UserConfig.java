package io.tributary.auth.users.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One user (factory PID {@value #FACTORY_PID}; FileInstall reads the file
 * {@code etc/io.tributary.user-<name>.cfg} as the configuration {@code io.tributary.user~<name>}).
 * Written by {@code tributary user}; see {@code UserFile} for the format.
 */
@ObjectClassDefinition(name = "Tributary user",
        description = "A user of Tributary's user store: password hashes and permissions."
                + " Manage users with `tributary user add|passwd|permit|remove|list`.")
public @interface UserConfig {
    /** The factory PID of user configurations. */
    String FACTORY_PID = "io.tributary.user";

    @AttributeDefinition(description = "User name: 1 to 64 characters of A-Z a-z 0-9 . _ @ -")
    String name();

    @AttributeDefinition(type = AttributeType.PASSWORD, required = false,
            description = "PBKDF2 hash of the password (pbkdf2-sha512:<iterations>:<salt>:<hash>);"
                    + " set it with `tributary user passwd NAME`")
    String password() default "";

    @AttributeDefinition(required = false, description = "The realm the Digest hashes were made for")
    String digestRealm() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD, required = false,
            description = "Digest HA1 with MD5: H(user:realm:password)")
    String digestMd5() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD, required = false,
            description = "Digest HA1 with SHA-256: H(user:realm:password)")
    String digestSha256() default "";

    @AttributeDefinition(required = false,
            description = "Permissions, comma-separated: <read|publish|admin>:<path pattern>[ tls][ from <range> ...],"
                    + " e.g. read:/cams/**, publish:/cams/alice from 10.0.0.0/8 ::1")
    String permit() default "";
}
