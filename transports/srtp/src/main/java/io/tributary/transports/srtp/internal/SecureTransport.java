package io.tributary.transports.srtp.internal;

import io.tributary.api.transport.MediaTransport;
import io.tributary.api.transport.TransportBinding;
import io.tributary.api.transport.TransportContext;
import io.tributary.rtsp.header.TransportSpec;
import io.tributary.rtsp.message.RtspException;
import io.tributary.rtsp.message.RtspStatus;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * RTP/SAVP over a plain RTP/AVP transport of the same lower transport: the plain transport
 * moves the packets (its ports, channels and NAT learning), this class makes them SRTP on the
 * way out and plain RTP and RTCP on the way in. The plain transport is bound with the spec's
 * profile changed to RTP/AVP and sees only SRTP.
 *
 * <p>Refused with 461 on an unencrypted connection (the keys would have travelled in the clear
 * beside the media they protect) unless configured otherwise, and when no plain transport of
 * the kind is installed; with 463 when the client has no key of ours (it did not DESCRIBE over
 * RTSPS) or gave a {@code KeyMgmt} header Tributary cannot use.
 */
final class SecureTransport {
    static final String SECURE_PROFILE = "RTP/SAVP";
    static final String PLAIN_PROFILE = "RTP/AVP";

    private final String plainKey;
    private final MediaTransport plain;
    private final Keyring keyring;

    /**
     * @param plainKey the plain transport's profile key, e.g. {@code RTP/AVP/UDP}
     * @param plain    the installed plain transport, or null when none is
     */
    SecureTransport(String plainKey, MediaTransport plain, Keyring keyring) {
        this.plainKey = plainKey;
        this.plain = plain;
        this.keyring = keyring;
    }

    CompletionStage<TransportBinding> bind(TransportSpec requested, TransportContext context) {
        try {
            return bindNow(requested, context);
        } catch (RtspException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletionStage<TransportBinding> bindNow(TransportSpec requested, TransportContext context) {
        if (!context.secure() && !keyring.settings().allowWithoutTls()) {
            throw new RtspException(RtspStatus.UNSUPPORTED_TRANSPORT,
                    "RTP/SAVP is served on RTSPS only: its keys must not travel in the clear");
        }
        MediaTransport transport = plain;
        if (transport == null) {
            throw new RtspException(RtspStatus.UNSUPPORTED_TRANSPORT,
                    "no " + plainKey + " transport is installed to carry RTP/SAVP");
        }
        ClientKeys clientKeys = ClientKeys.parse(context.requestHeader(ClientKeys.HEADER));
        TransportSpec plainSpec = withProfile(requested, PLAIN_PROFILE);
        if (requested.isRecord()) {
            if (clientKeys == null) {
                throw new RtspException(RtspStatus.KEY_MANAGEMENT_FAILURE,
                        "a publisher of RTP/SAVP gives its key in a KeyMgmt header (RFC 4567)");
            }
            return transport.bind(plainSpec, new UnprotectingContext(context, clientKeys, true))
                    .thenApply(binding -> new SecureBinding(binding, SECURE_PROFILE,
                            new PublisherSink(binding.sink()), () -> { }));
        }
        TrackKey key = keyring.setup(context);
        CompletionStage<TransportBinding> bound;
        try {
            bound = transport.bind(plainSpec, new UnprotectingContext(context, clientKeys, false));
        } catch (RuntimeException e) {
            key.release().run();
            throw e;
        }
        return bound.handle((binding, error) -> {
            if (error != null) {
                key.release().run();
                throw error instanceof RuntimeException r ? r : new CompletionException(error);
            }
            key.bound().run();
            return new SecureBinding(binding, SECURE_PROFILE,
                    new ProtectingSink(binding.sink(), key.protector(), key.sharedAs()), key.release());
        });
    }

    /** {@code spec} with another profile, everything else as it is. */
    static TransportSpec withProfile(TransportSpec spec, String profile) {
        return new TransportSpec(profile, spec.lower(), spec.multicast(), spec.destination(), spec.source(),
                spec.clientPort(), spec.serverPort(), spec.port(), spec.interleaved(), spec.ttl(), spec.ssrc(),
                spec.mode(), spec.extensions());
    }
}
