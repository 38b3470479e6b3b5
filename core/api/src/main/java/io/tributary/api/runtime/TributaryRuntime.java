package io.tributary.api.runtime;

import io.tributary.api.source.SourceStatus;
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
     * How the paths of source providers that report it (relays, publishers) are doing,
     * open or not, ordered by path.
     */
    List<SourceStatus> sources();

    /**
     * Ends a session as if it had timed out (its client gets RTCP BYE).
     *
     * @return {@code false} when no such session exists
     */
    boolean kick(String sessionId);
}
