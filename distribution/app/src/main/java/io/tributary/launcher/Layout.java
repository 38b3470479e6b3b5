package io.tributary.launcher;

import java.nio.file.Path;

/** Where things are in a runtime folder ("home"). */
final class Layout {

    private Layout() {
    }

    /** Runtime bundles that are not plugins, installed and started by the launcher. */
    static Path system(Path home) {
        return home.resolve("system");
    }

    /** Plugins, installed, updated and removed by FileInstall while running. */
    static Path deploy(Path home) {
        return home.resolve("deploy");
    }

    /** The shipped configuration, and the default configuration folder (TributaryOptions#etc). */
    static Path shippedEtc(Path home) {
        return home.resolve("etc");
    }

    static Path frameworkProperties(Path etc) {
        return etc.resolve("framework.properties");
    }

    static Path media(Path home) {
        return home.resolve("media");
    }

    /** Framework storage, cleaned at every start: etc/ and deploy/ are the only state. */
    static Path cache(Path home) {
        return home.resolve("data").resolve("felix-cache");
    }
}
