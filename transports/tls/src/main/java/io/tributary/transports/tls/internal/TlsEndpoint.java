package io.tributary.transports.tls.internal;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslProvider;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RTSPS while configured: gets a certificate (the configured files, or a development
 * certificate made on first start), publishes the listener once a good pair is loaded, and
 * checks the files every {@link TlsSettings#reload()} so that a renewed certificate is used
 * by new connections without a restart. A bad pair is reported once and changes nothing:
 * the previous one stays in use, or, with none yet, RTSPS stays off until the files are fixed.
 */
final class TlsEndpoint implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TlsEndpoint.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    /** Where the listener goes when it has a certificate, and leaves on close. */
    interface Publication {
        void publish(TlsListener listener);

        void withdraw();
    }

    private final TlsSettings settings;
    private final SslProvider provider;
    private final Publication publication;
    private final Clock clock;
    private final Supplier<String> hostName;
    private final CertificateFiles files;
    private ScheduledExecutorService checker;
    /** The files' stamps when last read (or written). */
    private List<CertificateFiles.Stamp> read;
    /** A change seen by the last check: read at the next one if the files held still, so a pair being copied in is read whole. */
    private List<CertificateFiles.Stamp> pending;
    private TlsListener listener;
    private boolean closed;

    /**
     * @param provider the engine implementation, from {@link EngineKind#provider()}
     * @param hostName this machine's name for a development certificate (asked only when one is made)
     */
    TlsEndpoint(TlsSettings settings, SslProvider provider, Publication publication, Clock clock,
                Supplier<String> hostName) {
        this.settings = settings;
        this.provider = provider;
        this.publication = publication;
        this.clock = clock;
        this.hostName = hostName;
        this.files = new CertificateFiles(settings.certificate(), settings.privateKey());
    }

    /** Loads (or makes) the certificate, publishes the listener if it is good, and starts watching the files. */
    synchronized void start() {
        if (settings.selfSigned() && files.bothMissing()) {
            createDevelopmentCertificate();
        } else {
            load();
        }
        if (!settings.reload().isZero()) {
            checker = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "tributary-tls-reload");
                thread.setDaemon(true);
                return thread;
            });
            long period = settings.reload().toMillis();
            checker.scheduleWithFixedDelay(this::checkAndCarryOn, period, period, TimeUnit.MILLISECONDS);
        }
    }

    /** One look at the files: a pair that changed and then held still for one check is loaded. */
    synchronized void check() {
        if (closed) {
            return;
        }
        List<CertificateFiles.Stamp> now = files.stamps();
        if (now.equals(read)) {
            pending = null;
            return;
        }
        if (!now.equals(pending)) {
            pending = now;
            return;
        }
        pending = null;
        load();
    }

    /** The listener while one is published, else null. */
    synchronized TlsListener listener() {
        return listener;
    }

    @Override
    public void close() {
        ScheduledExecutorService running;
        synchronized (this) {
            closed = true;
            running = checker;
        }
        if (running != null) {
            // shutdown, not shutdownNow: an interrupt would break a read in progress and report the files as bad.
            running.shutdown();
            try {
                if (!running.awaitTermination(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    running.shutdownNow();
                }
            } catch (InterruptedException e) {
                running.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            if (listener != null) {
                listener = null;
                publication.withdraw();
            }
        }
    }

    /** The periodic task: an unexpected failure is logged and the next check still runs. */
    private void checkAndCarryOn() {
        try {
            check();
        } catch (RuntimeException e) {
            LOG.error("RTSPS certificate check of {} failed", settings.certificate(), e);
        }
    }

    private void createDevelopmentCertificate() {
        read = files.stamps(); // also when making it fails: the next check must not report the missing files again
        List<String> names = DevelopmentCertificate.names(hostName.get(), settings.hostnames());
        TlsMaterial material;
        try {
            material = DevelopmentCertificate.create(settings.certificate(), settings.privateKey(), names,
                    clock.instant());
        } catch (MaterialException e) {
            LOG.error("RTSPS is off: {}", e.getMessage());
            return;
        }
        read = files.stamps();
        LOG.info("Created a self-signed development certificate for RTSPS, SHA-256 Fingerprint={}, in {} (for {}):"
                        + " clients must be told to trust it. For production, replace {} and its key {} with a"
                        + " certificate from a CA (PEM); new connections use it{}", material.fingerprint(),
                settings.certificate(), String.join(", ", names), settings.certificate().getFileName(),
                settings.privateKey().getFileName(), reloadHint());
        install(material);
    }

    private void load() {
        read = files.stamps(); // before reading: a write during the read shows as a change at the next check
        TlsMaterial material;
        try {
            material = PemFiles.read(settings.certificate(), settings.privateKey());
        } catch (MaterialException e) {
            LOG.error(listener == null ? "RTSPS is off: {}{}" : "RTSPS keeps its previous certificate: {}{}",
                    e.getMessage(), missingHint());
            return;
        }
        if (install(material)) {
            X509Certificate certificate = material.certificate();
            LOG.info("RTSPS certificate {}: {}, valid until {}, SHA-256 Fingerprint={}", settings.certificate(),
                    certificate.getSubjectX500Principal().getName(), certificate.getNotAfter().toInstant(),
                    material.fingerprint());
            warnIfNotValidNow(certificate);
        }
    }

    /** Makes the context and puts it in use; false (and logged) when the engine refuses the pair. */
    private boolean install(TlsMaterial material) {
        SslContext context;
        try {
            context = ServerContexts.build(material, settings.protocols(), provider);
        } catch (SSLException e) {
            LOG.error("{}: the TLS engine refuses the certificate in {} with its key: {}",
                    listener == null ? "RTSPS is off" : "RTSPS keeps its previous certificate", settings.certificate(),
                    e.getMessage());
            return false;
        }
        if (listener != null) {
            listener.use(context);
            return true;
        }
        listener = new TlsListener(context);
        publication.publish(listener);
        LOG.info("RTSPS {} ({}; {})", where(), String.join(", ", settings.protocols()),
                settings.engine().describe(provider));
        return true;
    }

    private String where() {
        if (settings.port() == 0) {
            return "on the RTSP port";
        }
        return "on port " + settings.port() + (settings.shared() ? " and on the RTSP port" : "");
    }

    private String reloadHint() {
        return settings.reload().isZero() ? " after a restart" : " within " + settings.reload().toSeconds() * 2 + " s";
    }

    private String missingHint() {
        boolean certificate = files.certificate().toFile().exists();
        boolean key = files.privateKey().toFile().exists();
        if (!certificate && !key) {
            return "; put a certificate and its key there (PEM)" + (settings.selfSigned() ? ""
                    : ", or set selfSigned = true for a development certificate");
        }
        if ((!certificate || !key) && settings.selfSigned()) {
            return "; remove the other file too to have a development certificate made at the next start";
        }
        return "";
    }

    private void warnIfNotValidNow(X509Certificate certificate) {
        try {
            certificate.checkValidity(Date.from(clock.instant()));
        } catch (CertificateExpiredException e) {
            LOG.warn("RTSPS certificate {} expired on {}: clients will refuse it", settings.certificate(),
                    certificate.getNotAfter().toInstant());
        } catch (CertificateNotYetValidException e) {
            LOG.warn("RTSPS certificate {} is not valid before {}: clients will refuse it until then",
                    settings.certificate(), certificate.getNotBefore().toInstant());
        }
    }
}
