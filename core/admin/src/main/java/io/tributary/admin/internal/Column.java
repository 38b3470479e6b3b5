package io.tributary.admin.internal;

/**
 * One column of the paths or sessions table, shared by the web console and the shell.
 *
 * @param title   header text
 * @param numeric whether the values are counts (aligned right)
 */
record Column(String title, boolean numeric) {
}
