package io.tributary.transports.tls.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.List;

/**
 * The certificate and key files, and how to tell that they changed without reading them:
 * modification time, size and file identity (an atomic replacement, or a symbolic link
 * turned to another file as certbot does, shows as another file even within the same
 * second and size).
 */
record CertificateFiles(Path certificate, Path privateKey) {

    /** What a file looked like; {@link #MISSING} when it is not there (or its attributes cannot be read). */
    record Stamp(FileTime modified, long size, Object identity) {
        static final Stamp MISSING = new Stamp(FileTime.fromMillis(0), -1, null);
    }

    /** The stamps of the certificate and the key file, in that order. */
    List<Stamp> stamps() {
        return List.of(stamp(certificate), stamp(privateKey));
    }

    boolean bothMissing() {
        return !Files.exists(certificate) && !Files.exists(privateKey);
    }

    private static Stamp stamp(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stamp(attributes.lastModifiedTime(), attributes.size(), attributes.fileKey());
        } catch (IOException e) {
            // Missing or unreadable: reading it will say which, with the file's name.
            return Stamp.MISSING;
        }
    }
}
