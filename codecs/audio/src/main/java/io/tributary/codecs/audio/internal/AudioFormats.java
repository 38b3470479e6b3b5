package io.tributary.codecs.audio.internal;

import io.tributary.api.payload.PayloadFormat;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Registers one {@link PayloadFormat} service per encoding of this bundle, each with its
 * {@link PayloadFormat#ENCODING}: the formats differ only in data, so one component serves
 * them all.
 */
@Component(immediate = true, service = {})
public final class AudioFormats {
    static final List<FrameAudioFormat> ALL = List.of(G7xxFormat.PCMU, G7xxFormat.PCMA, G7xxFormat.G722,
            OpusFormat.OPUS);

    private final List<ServiceRegistration<PayloadFormat>> registrations = new ArrayList<>();

    @Activate
    public AudioFormats(BundleContext context) {
        for (FrameAudioFormat format : ALL) {
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put(PayloadFormat.ENCODING, format.name());
            registrations.add(context.registerService(PayloadFormat.class, format, properties));
        }
    }

    @Deactivate
    void deactivate() {
        for (ServiceRegistration<PayloadFormat> registration : registrations) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework unregisters a stopping bundle's services itself
            }
        }
        registrations.clear();
    }
}
