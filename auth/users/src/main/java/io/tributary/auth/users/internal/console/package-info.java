/**
 * The web console tab "Users" ({@code /system/console/users}): the users of the store, edited
 * through the same checks and the same file writer as {@code tributary user}
 * ({@link io.tributary.auth.users.internal.account.UserChanges}). FileInstall hands each change
 * to the running server within about a second, as it does for the command line's.
 *
 * <p>The console logs in with HTTP Basic, which a browser sends along with any request to it,
 * also one a foreign page makes it send: every change is a POST that must come from the tab's
 * own page ({@link io.tributary.auth.users.internal.console.FormGuard}). Passwords are never
 * shown, logged or put in a URL; hashes are never shown.
 */
package io.tributary.auth.users.internal.console;
