package io.tributary.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MisnamedFactoryFilesTest {
    @Test
    void aFileNamedWithTheTildeGetsTheNameToRenameItTo() {
        Optional<String> warning = MisnamedFactoryFiles.warning("io.tributary.path~cam1", null,
                "file:/opt/tributary/etc/io.tributary.path~cam1.cfg");
        assertTrue(warning.isPresent());
        assertTrue(warning.get().startsWith("io.tributary.path~cam1.cfg is not read as a factory configuration"
                + " of io.tributary.path"), warning.get());
        assertTrue(warning.get().contains("Rename the file to io.tributary.path-cam1.cfg"), warning.get());
    }

    @Test
    void aPlainPathIsNamedToo() {
        assertTrue(MisnamedFactoryFiles.warning("a~b", null, "/etc/a~b.config").orElseThrow()
                .contains("Rename the file to a-b.config"));
    }

    @Test
    void realFactoryConfigurationsPlainPidsAndConfigurationsWithoutFileAreFine() {
        assertEquals(Optional.empty(), MisnamedFactoryFiles.warning("io.tributary.path~cam1", "io.tributary.path",
                "file:/etc/io.tributary.path-cam1.cfg"), "FileInstall's own factory configuration");
        assertEquals(Optional.empty(), MisnamedFactoryFiles.warning("io.tributary.engine.rtsp", null,
                "file:/etc/io.tributary.engine.rtsp.cfg"));
        assertEquals(Optional.empty(), MisnamedFactoryFiles.warning("a~b", null, null), "not from a file");
        assertEquals(Optional.empty(), MisnamedFactoryFiles.warning("~b", null, "file:/etc/~b.cfg"));
        assertEquals(Optional.empty(), MisnamedFactoryFiles.warning("a~", null, "file:/etc/a~.cfg"));
    }
}
