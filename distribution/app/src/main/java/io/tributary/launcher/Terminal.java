package io.tributary.launcher;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether a person sits at a terminal (then the Gogo shell may read it). */
final class Terminal {

    private Terminal() {
    }

    static boolean isInteractive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        // Java 22+ returns a Console for redirected streams too; Console.isTerminal() tells.
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
