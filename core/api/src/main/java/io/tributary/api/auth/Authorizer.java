package io.tributary.api.auth;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Decides what an authenticated (or anonymous) user may do on a path. The engine asks the
 * installed authorizers in service ranking order (highest first); the first that does not
 * {@link Decision#ABSTAIN} decides, and a request nobody permits is refused. With no
 * authorizer installed, every request that needs a permission is refused.
 *
 * <p>Called off the event loops, bounded by the engine's authentication timeout, so an
 * implementation may ask a remote service.
 */
@ConsumerType
public interface Authorizer {
    Decision authorize(AccessRequest request);
}
