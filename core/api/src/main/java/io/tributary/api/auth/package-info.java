/**
 * Who may do what. Authentication ({@link io.tributary.api.auth.AuthScheme}, backed by
 * {@link io.tributary.api.auth.CredentialStore}s) and authorization
 * ({@link io.tributary.api.auth.Authorizer}) are separate steps, as in gst-rtsp-server's
 * {@code rtsp-auth}: first find out who asks, then check a named permission on a path.
 */
@Export
@Version("0.2.0")
package io.tributary.api.auth;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
