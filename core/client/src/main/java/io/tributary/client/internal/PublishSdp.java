package io.tributary.client.internal;

import io.tributary.rtsp.sdp.Attribute;
import io.tributary.rtsp.sdp.SdpMedia;
import io.tributary.rtsp.sdp.SessionDescription;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Prepares a publisher's SDP: every media section needs a control URL for its SETUP. */
final class PublishSdp {
    private PublishSdp() {
    }

    /**
     * {@code sdp} with {@code a=control:trackID=n} added to each media section that has none,
     * {@code n} the section's index or the next number no other section uses.
     */
    static SessionDescription withControls(SessionDescription sdp) {
        Set<String> used = new HashSet<>();
        sdp.media().forEach(m -> used.add(m.control()));
        List<SdpMedia> media = new ArrayList<>(sdp.media().size());
        boolean changed = false;
        for (int i = 0; i < sdp.media().size(); i++) {
            SdpMedia m = sdp.media().get(i);
            if (m.control() == null) {
                int n = i;
                while (used.contains("trackID=" + n)) {
                    n++;
                }
                used.add("trackID=" + n);
                List<Attribute> attributes = new ArrayList<>(m.attributes());
                attributes.add(new Attribute("control", "trackID=" + n));
                m = new SdpMedia(m.type(), m.port(), m.portCount(), m.protocol(), m.formats(), m.information(),
                        m.connection(), m.bandwidths(), m.key(), attributes);
                changed = true;
            }
            media.add(m);
        }
        if (!changed) {
            return sdp;
        }
        return new SessionDescription(sdp.version(), sdp.origin(), sdp.sessionName(), sdp.information(), sdp.uri(),
                sdp.emails(), sdp.phones(), sdp.connection(), sdp.bandwidths(), sdp.times(), sdp.zone(), sdp.key(),
                sdp.attributes(), media);
    }
}
