package io.tributary.launcher;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Turns {@code main(String[])} arguments into {@link TributaryOptions}. */
final class CommandLine {

    static final String USAGE = """
            Usage: java -jar tributary.jar [options]
                   java -jar tributary.jar [--home DIR] [--etc DIR] user add|passwd|permit|remove|list ...
              --home DIR        runtime folder (default: the folder of tributary.jar)
              --etc DIR         configuration folder: settings, users, certificates (default HOME/etc;
                                another folder is created from HOME/etc on first start)
              --rtsp-port N     RTSP port; repeat it for several (default 554 when allowed, and 8554;
                                numbers written in etc/io.tributary.engine.rtsp.cfg win over this option)
              --http-port N     web console port (default 8080, bound to 127.0.0.1)
              --media DIR       folder served as rtsp://host:port/vod/<file> (default HOME/media)
              --no-shell        do not start the interactive Gogo shell
              --help            print this text
            Users:
              user add NAME [--permit PERMISSION]...   password from the terminal, or the first line of stdin
              user passwd NAME | user permit NAME PERMISSION... | user remove NAME | user list
              PERMISSION is read|publish|admin:PATH_PATTERN [tls] [from ADDRESS_RANGE...], e.g. 'read:/cams/**'
            Framework properties: ETC/framework.properties. Configuration: ETC/*.cfg.""";

    /** The arguments asked for a user command, not for a server. */
    record UserCommand(TributaryOptions options, java.util.List<String> args) {
    }

    /** The arguments asked for help, not for a server. */
    static final class HelpRequested extends Exception {
        HelpRequested() {
            super(USAGE);
        }
    }

    private CommandLine() {
    }

    /**
     * @param interactive whether a terminal is attached (the shell is on by default then)
     * @throws IllegalArgumentException on an unknown option or a bad value, with a message for the user
     */
    /** The options of a server ({@link TributaryOptions}) or a {@link UserCommand}. */
    static Object parseAny(String[] args, boolean interactive) throws HelpRequested {
        Path home = null;
        Path etc = null;
        java.util.List<Integer> rtspPorts = new java.util.ArrayList<>();
        Integer httpPort = null;
        Path media = null;
        boolean shell = interactive;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--home" -> home = Path.of(value(args, ++i, arg));
                case "--rtsp-port" -> rtspPorts.add(port(value(args, ++i, arg), arg));
                case "--http-port" -> httpPort = port(value(args, ++i, arg), arg);
                case "--media" -> media = Path.of(value(args, ++i, arg));
                case "--etc" -> etc = Path.of(value(args, ++i, arg));
                case "user" -> {
                    TributaryOptions options = TributaryOptions.of(home != null ? home : jarFolder());
                    return new UserCommand(etc == null ? options : options.withEtc(etc),
                            java.util.List.of(args).subList(i + 1, args.length));
                }
                case "--no-shell" -> shell = false;
                case "-h", "--help" -> throw new HelpRequested();
                default -> throw new IllegalArgumentException("unknown option: " + arg);
            }
        }
        TributaryOptions options = TributaryOptions.of(home != null ? home : jarFolder())
                .withShell(shell);
        if (!rtspPorts.isEmpty()) {
            options = options.withRtspPorts(rtspPorts);
        }
        if (httpPort != null) {
            options = options.withHttpPort(httpPort);
        }
        if (media != null) {
            options = options.withMediaDirectory(media);
        }
        if (etc != null) {
            options = options.withEtc(etc);
        }
        return options;
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static int port(String text, String option) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " needs a port number 1..65535, not '" + text + "'");
    }

    /** The folder holding tributary.jar, or the working directory when run from classes. */
    private static Path jarFolder() {
        try {
            Path location = Path.of(CommandLine.class.getProtectionDomain().getCodeSource()
                    .getLocation().toURI());
            return Files.isRegularFile(location) ? location.getParent() : Path.of("");
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return Path.of("");
        }
    }
}
