package io.tributary.admin.internal;

import java.util.ArrayList;
import java.util.List;

/** Rows of cells printed in aligned columns for the shell; counts align right. */
final class TextTable {
    private static final String GAP = "  ";

    private final List<Column> columns;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(List<Column> columns) {
        this.columns = columns;
    }

    TextTable add(List<String> cells) {
        rows.add(cells);
        return this;
    }

    /** Header and rows, lines separated by {@code \n}, no trailing spaces or newline. */
    String render() {
        int[] widths = new int[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = columns.get(i).title().length();
        }
        for (List<String> row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], printable(row.get(i)).length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, widths, columns.stream().map(Column::title).toList());
        for (List<String> row : rows) {
            out.append('\n');
            line(out, widths, row);
        }
        return out.toString();
    }

    private void line(StringBuilder out, int[] widths, List<String> cells) {
        int start = out.length();
        for (int i = 0; i < widths.length; i++) {
            String cell = printable(cells.get(i));
            String pad = " ".repeat(widths[i] - cell.length());
            out.append(i == 0 ? "" : GAP).append(columns.get(i).numeric() ? pad + cell : cell + pad);
        }
        int end = out.length();
        while (end > start && out.charAt(end - 1) == ' ') {
            end--;
        }
        out.setLength(end);
    }

    /** Control characters from clients must not move the terminal's cursor. */
    private static String printable(String cell) {
        StringBuilder out = null;
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            boolean control = Character.isISOControl(c);
            if (control && out == null) {
                out = new StringBuilder(cell.length()).append(cell, 0, i);
            }
            if (out != null) {
                out.append(control ? '?' : c);
            }
        }
        return out == null ? cell : out.toString();
    }
}
