package io.tributary.transports.srtp.internal;

import com.github.benmanes.caffeine.cache.Ticker;
import io.tributary.api.transport.KeyingContext;
import io.tributary.api.transport.MediaKeying;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys of RTP/SAVP: described to clients in DESCRIBE over RTSPS (the engine asks for each
 * track), and found again by the RTP/SAVP transports at SETUP, which is why this component is
 * also registered under its own class (for them; the bundle does not export it).
 */
@Component(service = {MediaKeying.class, SrtpKeying.class},
        property = MediaKeying.PROFILE + "=" + SecureTransport.SECURE_PROFILE,
        configurationPid = SrtpKeying.PID)
@Designate(ocd = SrtpConfig.class)
public final class SrtpKeying implements MediaKeying {
    static final String PID = "io.tributary.transports.srtp";
    private static final Logger LOG = LoggerFactory.getLogger(SrtpKeying.class);

    private final Keyring keyring;

    @Activate
    public SrtpKeying(SrtpConfig config) {
        SrtpSettings settings;
        try {
            settings = SrtpSettings.of(config);
        } catch (IllegalArgumentException e) {
            LOG.error("{}: {}", PID, e.getMessage());
            throw e;
        }
        keyring = new Keyring(settings, new SecureRandom(), InstantSource.system(), Ticker.systemTicker());
        LOG.info("SRTP (RTP/SAVP) keys: {}, MIKEY{}{}{}", settings.profile(), settings.sdes() ? " and SDES" : "",
                settings.perReaderKeys() == null ? "" : ", per reader on " + settings.perReaderKeys().pattern(),
                settings.allowWithoutTls() ? ", also without TLS" : "");
    }

    @Override
    public List<String> describe(KeyingContext context) {
        return keyring.describe(context);
    }

    Keyring keyring() {
        return keyring;
    }
}
