/**
 * Tributary's user store and path-permission authorizer, as OSGi services: one
 * {@link io.tributary.auth.users.internal.UserAccount} per user configuration, folded by the
 * {@link io.tributary.auth.users.internal.UserDirectory} into a snapshot, served to the
 * engine as a {@code CredentialStore} ({@link io.tributary.auth.users.internal.UserCredentialStore})
 * and an {@code Authorizer} ({@link io.tributary.auth.users.internal.UserAuthorizer}).
 *
 * <p>Secrets: passwords are PBKDF2 hashes. Digest needs {@code H(user:realm:password)} itself
 * and cannot work from a slow hash, so those realm-bound values are stored too (see the
 * {@code account} package); a user file is as good as a Digest password for its realm, and is
 * written readable by its owner only. Nothing here logs a password, a hash or an HA1.
 * Not exported.
 */
package io.tributary.auth.users.internal;
