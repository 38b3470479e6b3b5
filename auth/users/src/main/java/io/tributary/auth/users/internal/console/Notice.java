package io.tributary.auth.users.internal.console;

/**
 * The outcome of a change, shown once on the page the change redirects to.
 *
 * @param refused {@code true} when the change was refused or failed
 * @param text    one or more sentences for the operator
 */
record Notice(boolean refused, String text) {
    static Notice done(String text) {
        return new Notice(false, text);
    }

    static Notice refused(String text) {
        return new Notice(true, text);
    }
}
