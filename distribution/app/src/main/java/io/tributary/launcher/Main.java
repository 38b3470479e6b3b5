package io.tributary.launcher;

import org.slf4j.LoggerFactory;

/**
 * {@code java -jar tributary.jar [--home DIR] [--rtsp-port N] [--http-port N] [--media DIR] [--no-shell]}:
 * starts Tributary in the foreground and stops it cleanly on Ctrl-C / SIGTERM.
 * Exit status: 0 after a normal stop, 1 when it did not start, 2 on a bad command line.
 */
public final class Main {

    private Main() {
    }

    private static final String NETTY_LEAK_DETECTION = "io.netty.leakDetection.level";

    public static void main(String[] args) {
        Object parsed;
        try {
            parsed = CommandLine.parseAny(args, Terminal.isInteractive());
        } catch (CommandLine.HelpRequested help) {
            System.out.println(help.getMessage());
            return;
        } catch (IllegalArgumentException e) {
            System.err.println("tributary: " + e.getMessage());
            System.err.println(CommandLine.USAGE);
            System.exit(2);
            return;
        }
        if (parsed instanceof CommandLine.UserCommand user) {
            // a password prompt only at a terminal: piped input is read as the password
            System.exit(Users.run(user.options().home(), user.options().etc(), user.args(), System.in,
                    Terminal.isInteractive() ? System.console() : null, System.out, System.err));
            return;
        }
        TributaryOptions options = (TributaryOptions) parsed;
        // Netty's leak detector records a stack trace for one pooled buffer in 128: measurable on
        // the media path (every frame is pooled). Tests keep it; -Dio.netty.leakDetection.level=… wins.
        if (System.getProperty(NETTY_LEAK_DETECTION) == null) {
            System.setProperty(NETTY_LEAK_DETECTION, "disabled");
        }
        RunningTributary running;
        try {
            running = Tributary.start(options);
        } catch (StartupException e) {
            LoggerFactory.getLogger(Main.class).error("Tributary did not start: {}", e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "tributary-shutdown"));
        try {
            running.awaitStop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.exit(0);
    }
}
