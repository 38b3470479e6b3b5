/**
 * The operator's command line for users, {@link io.tributary.auth.users.UserCommand}
 * ({@code tributary user ...}). Not exported: only the launcher calls it, by reflection
 * through a class loader on this bundle's jar, without OSGi. It and everything it uses
 * (the {@code internal.account} and {@code internal.permit} packages) need nothing but the JDK.
 */
package io.tributary.auth.users;
