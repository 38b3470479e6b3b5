/**
 * Who may do what: authentication schemes, credential stores and authorizers (separate steps).
 */
@Export
@Version("0.1.0")
package io.tributary.api.auth;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
