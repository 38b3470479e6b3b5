package io.tributary.transports.tls.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.bouncycastle.util.IPAddress;

/**
 * A checked {@link TlsConfig}: paths resolved, lists split, protocols limited to TLS 1.2 and
 * later. Every problem is an {@link IllegalArgumentException} naming the setting.
 *
 * @param certificate the certificate chain file (PEM)
 * @param privateKey  the private key file (PEM)
 * @param hostnames   extra subject alternative names of a development certificate
 * @param protocols   TLS versions to enable, in the configured order
 * @param reload      how often the files are checked; {@link Duration#ZERO} for never
 */
record TlsSettings(int port, boolean shared, Path certificate, Path privateKey, boolean selfSigned,
                   List<String> hostnames, EngineKind engine, List<String> protocols, Duration reload) {

    /** The versions that may be enabled, newest first. */
    static final List<String> SUPPORTED_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");
    /** What older names the JDK and OpenSSL know, so they are refused as too old rather than as unknown. */
    private static final Set<String> TOO_OLD = Set.of("TLSV1.1", "TLSV1", "TLSV1.0", "SSLV3", "SSLV2", "SSLV2HELLO");
    /** A DNS name, possibly a wildcard ({@code *.example.com}), labels of letters, digits and inner hyphens. */
    private static final Pattern DNS_NAME = Pattern.compile(
            "(\\*\\.)?([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?");
    private static final Pattern SEPARATORS = Pattern.compile("[,\\s]+");

    TlsSettings {
        hostnames = List.copyOf(hostnames);
        protocols = List.copyOf(protocols);
    }

    /**
     * @param folder the configuration folder, against which relative file names resolve
     */
    static TlsSettings of(TlsConfig config, Path folder) {
        if (config.port() < 0 || config.port() > 65535) {
            throw new IllegalArgumentException("port " + config.port() + " is not a port (0 for none, 1-65535)");
        }
        if (config.reloadSeconds() < 0) {
            throw new IllegalArgumentException("reloadSeconds " + config.reloadSeconds()
                    + " is negative (0 turns reloading off)");
        }
        return new TlsSettings(config.port(), config.shared(),
                file("certificate", config.certificate(), folder), file("privateKey", config.privateKey(), folder),
                config.selfSigned(), hostnames(config.hostnames()), EngineKind.parse(config.engine()),
                protocols(config.protocols()), Duration.ofSeconds(config.reloadSeconds()));
    }

    /**
     * The configuration folder: the framework property {@code tributary.etc}, else
     * {@code etc} in {@code tributary.home}, else the working directory.
     */
    static Path configurationFolder(String etc, String home) {
        if (etc != null && !etc.isBlank()) {
            return Path.of(etc);
        }
        if (home != null && !home.isBlank()) {
            return Path.of(home, "etc");
        }
        return Path.of("").toAbsolutePath();
    }

    /**
     * The TLS versions to enable: each entry may hold several, separated by commas. TLS 1.1 and
     * older are refused, not dropped: a configuration that asks for them must not look as if it
     * got them.
     */
    static List<String> protocols(String[] configured) {
        Set<String> result = new LinkedHashSet<>();
        for (String name : split(configured)) {
            String upper = name.toUpperCase(Locale.ROOT);
            if (TOO_OLD.contains(upper)) {
                throw new IllegalArgumentException("protocols: " + name
                        + " is older than TLSv1.2 and is never enabled (allowed: TLSv1.3, TLSv1.2)");
            }
            String known = SUPPORTED_PROTOCOLS.stream().filter(p -> p.equalsIgnoreCase(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("protocols: unknown protocol \"" + name
                            + "\" (allowed: TLSv1.3, TLSv1.2)"));
            result.add(known);
        }
        if (result.isEmpty()) {
            throw new IllegalArgumentException("protocols: none given (allowed: TLSv1.3, TLSv1.2)");
        }
        return List.copyOf(result);
    }

    /** Extra names for a development certificate: DNS names or IP addresses ({@code [::1]} brackets allowed). */
    static List<String> hostnames(String[] configured) {
        List<String> result = new ArrayList<>();
        for (String name : split(configured)) {
            String bare = name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
            if (!IPAddress.isValid(bare) && (bare.length() > 253 || !DNS_NAME.matcher(bare).matches())) {
                throw new IllegalArgumentException("hostnames: \"" + name + "\" is neither a DNS name nor an IP address");
            }
            if (!result.contains(bare)) {
                result.add(bare);
            }
        }
        return result;
    }

    private static List<String> split(String[] values) {
        List<String> result = new ArrayList<>();
        for (String value : values == null ? new String[0] : values) {
            for (String part : SEPARATORS.split(value.strip())) {
                if (!part.isEmpty()) {
                    result.add(part);
                }
            }
        }
        return result;
    }

    private static Path file(String setting, String name, Path folder) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(setting + ": no file given");
        }
        return folder.resolve(name.strip());
    }
}
