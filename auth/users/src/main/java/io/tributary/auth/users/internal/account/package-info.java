/**
 * Users as stored: one file per user in the server's {@code etc/} folder
 * ({@link io.tributary.auth.users.internal.account.UserFile}), read by FileInstall into
 * Config Admin for the server and read and written directly by the {@code tributary user}
 * command line, which runs without OSGi, and by the web console's Users tab; both make their
 * changes through {@link io.tributary.auth.users.internal.account.UserChanges}.
 *
 * <p>Secrets: the password is kept as a PBKDF2-HMAC-SHA512 hash
 * ({@link io.tributary.auth.users.internal.account.PasswordHash}). Digest authentication
 * cannot work from a slow salted hash, because it checks answers against
 * {@code H(user:realm:password)} itself; so that value is stored too, with MD5 and SHA-256,
 * for one realm ({@link io.tributary.auth.users.internal.account.DigestSecrets}). Whoever can
 * read a user file can therefore log in as that user with Digest in that realm: the files are
 * written with mode 0600. When the realm changes, the stored values stop matching and the
 * password must be set again ({@code tributary user passwd NAME}).
 *
 * <p>Only the JDK is used here (the command line's class path has nothing else).
 */
package io.tributary.auth.users.internal.account;
