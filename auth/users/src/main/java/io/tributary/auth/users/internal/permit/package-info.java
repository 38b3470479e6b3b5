/**
 * The permission language of the user store, shared by a user's {@code permit}, the
 * {@code anonymous} setting and the command line's {@code --permit}:
 * {@code <action>:<path pattern>[ tls][ from <range> <range> ...]}, several separated by commas.
 *
 * <p>Parsing ({@link io.tributary.auth.users.internal.permit.PermitParser}) and matching
 * ({@link io.tributary.api.path.PathPattern},
 * {@link io.tributary.auth.users.internal.permit.AddressRange}) never build a regular
 * expression from the operator's text: path patterns are matched segment by segment, in time
 * proportional to the pattern's and the path's segments, and addresses byte by byte without
 * name lookups.
 *
 * <p>These classes use nothing but the JDK: the command line loads them on the launcher's
 * class path, where the API bundle is not, so the actions are this package's own
 * {@link io.tributary.auth.users.internal.permit.Action} rather than the API's
 * {@code Permission} (the authorizer maps one to the other).
 */
package io.tributary.auth.users.internal.permit;
