/**
 * What the server is doing now, for the web console, REST and shell commands: snapshots of
 * sessions, open paths and the state of their sources, and kicking a session.
 */
@Export
@Version("0.3.0")
package io.tributary.api.runtime;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
