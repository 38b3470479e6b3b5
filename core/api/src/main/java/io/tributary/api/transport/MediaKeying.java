package io.tributary.api.transport;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * How the keys of a secure RTP profile (RTP/SAVP, RFC 3711) reach clients before SETUP: on
 * encrypted connections the engine describes media with the profile and adds, to each media
 * section, the attributes this service gives ({@code a=key-mgmt:mikey …}, RFC 4567;
 * {@code a=crypto:…}, RFC 4568). Register with {@link #PROFILE}; the transports of the
 * profile then find the keys again from their {@link TransportContext}.
 */
@ConsumerType
public interface MediaKeying {
    /** Service property: the profile keyed, e.g. {@code RTP/SAVP}. */
    String PROFILE = "tributary.keying.profile";

    /** The SDP attribute lines (without {@code a=}) for one track of a description, in order. */
    List<String> describe(KeyingContext context);
}
