package io.tributary.transports.srtp.internal;

import io.tributary.api.transport.MediaTransport;
import io.tributary.api.transport.TransportBinding;
import io.tributary.api.transport.TransportContext;
import io.tributary.rtsp.header.TransportSpec;
import java.util.concurrent.CompletionStage;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * RTP/SAVP over UDP: SRTP through the ports of the installed RTP/AVP/UDP transport.
 *
 * <p>The plain transport is a static reference, on purpose: when it goes away or is replaced,
 * this component is too, so the engine ends the RTP/SAVP sessions bound through it, as it ends
 * the plain transport's own (a dynamic reference would leave those sessions sending into closed
 * sockets). Without one, the service stays and refuses RTP/SAVP with 461.
 */
@Component(service = MediaTransport.class, property = MediaTransport.PROFILE + "=RTP/SAVP/UDP")
public final class SavpUdpTransport implements MediaTransport {
    private static final String PLAIN = "RTP/AVP/UDP";

    private final SecureTransport secure;

    @Activate
    public SavpUdpTransport(@Reference(name = "keying") SrtpKeying keying,
                            @Reference(name = "plain", target = "(" + MediaTransport.PROFILE + "=" + PLAIN + ")",
                                    cardinality = ReferenceCardinality.OPTIONAL,
                                    policyOption = ReferencePolicyOption.GREEDY) MediaTransport plain) {
        this.secure = new SecureTransport(PLAIN, plain, keying.keyring());
    }

    @Override
    public CompletionStage<TransportBinding> bind(TransportSpec requested, TransportContext context) {
        return secure.bind(requested, context);
    }
}
