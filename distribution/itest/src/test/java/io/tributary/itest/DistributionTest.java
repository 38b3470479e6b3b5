package io.tributary.itest;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.osgi.framework.Bundle;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleRevision;

/** The assembled distribution, started in-process: bundles, plugin services, console, hot deploy. */
class DistributionTest {

    private static final Duration SERVICE_TIMEOUT = Duration.ofSeconds(10);
    private static final String PAYLOAD_FORMAT = "io.tributary.api.payload.PayloadFormat";
    private static final String SOURCE_PROVIDER = "io.tributary.api.source.MediaSourceProvider";
    private static final String TRANSPORT = "io.tributary.api.transport.MediaTransport";
    private static final String H264 = "(tributary.payload.encoding=H264)";

    @RegisterExtension
    static final TributaryFixture tributary = new TributaryFixture();

    @Test
    void allBundlesResolveAndAreActive() {
        Bundle[] bundles = tributary.bundleContext().getBundles();
        StringBuilder table = new StringBuilder("Bundles:\n");
        for (Bundle b : bundles) {
            table.append(String.format("  %3d %-11s %s %s%n", b.getBundleId(), state(b), b.getSymbolicName(), b.getVersion()));
        }
        System.out.print(table);

        List<String> notActive = Arrays.stream(bundles)
                .filter(b -> !isFragment(b) && b.getState() != Bundle.ACTIVE)
                .map(b -> b.getSymbolicName() + " " + b.getVersion() + " is " + state(b))
                .toList();
        List<String> unattachedFragments = Arrays.stream(bundles)
                .filter(b -> isFragment(b) && b.getState() != Bundle.RESOLVED)
                .map(b -> b.getSymbolicName() + " (fragment) is " + state(b))
                .toList();
        assertEquals(List.of(), notActive, "bundles not ACTIVE");
        assertEquals(List.of(), unattachedFragments, "fragments not attached");
    }

    @Test
    void spiServicesAreRegistered() {
        List<Service> expected = List.of(
                new Service(PAYLOAD_FORMAT, H264),
                new Service(PAYLOAD_FORMAT, "(tributary.payload.encoding=MPEG4-GENERIC)"),
                new Service(SOURCE_PROVIDER, "(tributary.source.scheme=file)"),
                new Service(TRANSPORT, "(tributary.transport.profile=RTP/AVP/UDP)"),
                new Service(TRANSPORT, "(tributary.transport.profile=RTP/AVP/TCP)"),
                new Service(TRANSPORT, "(tributary.transport.profile=RTP/SAVP/UDP)"),
                new Service(TRANSPORT, "(tributary.transport.profile=RTP/SAVP/TCP)"),
                new Service("io.tributary.api.transport.MediaKeying", "(tributary.keying.profile=RTP/SAVP)"),
                new Service("io.tributary.api.transport.ControlListener", "(tributary.listener.protocol=tls)"),
                new Service("io.tributary.api.auth.AuthScheme", "(tributary.auth.scheme=Digest)"),
                new Service("io.tributary.api.auth.AuthScheme", "(tributary.auth.scheme=Basic)"),
                new Service("io.tributary.api.auth.CredentialStore", null),
                new Service("io.tributary.api.auth.Authorizer", null),
                new Service("io.tributary.api.auth.AccessGuard", null));
        // DS may still be activating: one deadline for all of them.
        Await.until(SERVICE_TIMEOUT, () -> expected.stream().allMatch(Service::registered));
        assertAll(expected.stream().<Executable>map(service -> () -> assertTrue(service.registered(), "no service " + service)));
    }

    @Test
    void webConsoleAnswersOnLocalhost() throws Exception {
        URI console = URI.create("http://127.0.0.1:" + tributary.httpPort() + "/system/console");
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        String basic = TributaryFixture.adminAuthorization();
        HttpRequest withCredentials = HttpRequest.newBuilder(console).header("Authorization", basic).build();
        HttpRequest anonymous = HttpRequest.newBuilder(console).build();

        // Jetty and the console register asynchronously: wait until the console path exists.
        int[] status = {-1};
        Await.until(SERVICE_TIMEOUT, () -> {
            status[0] = statusOf(http, withCredentials);
            return status[0] != -1 && status[0] != 404;
        });
        assertTrue(status[0] == 200 || status[0] == 302, "console with the administrator's password answered " + status[0]);
        assertEquals(401, statusOf(http, anonymous), "console without credentials");
        // the console's own fallback login is off: its old default password gets nowhere
        String builtIn = "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));
        assertEquals(401, statusOf(http, HttpRequest.newBuilder(console).header("Authorization", builtIn).build()),
                "console with admin/admin");
    }

    @Test
    void hotUndeployOfACodecRemovesItsServiceAndRedeployRestoresIt() throws Exception {
        Path jar = tributary.deployedJar("io.tributary.codecs.h264");
        Path parked = tributary.home().resolve(jar.getFileName() + ".parked");
        assertTrue(Await.until(SERVICE_TIMEOUT, () -> registered(PAYLOAD_FORMAT, H264)),
                "the H264 PayloadFormat is not registered to begin with");
        try {
            Files.move(jar, parked);
            assertTrue(Await.until(SERVICE_TIMEOUT, () -> !registered(PAYLOAD_FORMAT, H264)),
                    "H264 PayloadFormat still registered " + SERVICE_TIMEOUT.toSeconds() + " s after deleting " + jar);
        } finally {
            if (Files.exists(parked)) {
                Files.move(parked, jar, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        assertTrue(Await.until(SERVICE_TIMEOUT, () -> registered(PAYLOAD_FORMAT, H264)),
                "H264 PayloadFormat not back " + SERVICE_TIMEOUT.toSeconds() + " s after restoring " + jar);
    }

    private static boolean registered(String objectClass, String filter) {
        try {
            ServiceReference<?>[] references = tributary.bundleContext().getAllServiceReferences(objectClass, filter);
            return references != null && references.length > 0;
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(filter, e);
        }
    }

    /** A service by object class name (no class loading) and a filter on its properties. */
    private record Service(String objectClass, String filter) {
        boolean registered() {
            return DistributionTest.registered(objectClass, filter);
        }

        @Override
        public String toString() {
            return objectClass + " " + filter;
        }
    }

    private static int statusOf(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static boolean isFragment(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        return revision != null && (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
    }

    private static String state(Bundle bundle) {
        return switch (bundle.getState()) {
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "UNINSTALLED";
        };
    }
}
