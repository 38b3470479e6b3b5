package io.tributary.api.runtime;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** The running engine as administration tools see it. Implemented by the engine. */
@ProviderType
public interface TributaryRuntime {
    /** The sessions now, in no particular order. */
    List<SessionSnapshot> sessions();

    /** The paths with an open source now. */
    List<PathSnapshot> paths();

    /**
     * Ends a session as if it had timed out (its client gets RTCP BYE).
     *
     * @return {@code false} when no such session exists
     */
    boolean kick(String sessionId);
}
