package org.sahaya.loadtest.report;

import java.util.ArrayList;
import java.util.List;

/** Rows of cells, laid out either as aligned plain text (the terminal) or as a markdown table (the docs). */
public record Table(List<String> header, List<List<String>> rows) {

    public Table {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
        for (List<String> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("row " + row + " has " + row.size() + " cells, header " + header.size());
            }
        }
    }

    public String asMarkdown() {
        StringBuilder out = new StringBuilder();
        line(out, header);
        line(out, header.stream().map(h -> "---").toList());
        rows.forEach(row -> line(out, row.stream().map(c -> c.replace("|", "\\|")).toList()));
        return out.toString();
    }

    public String asText(String indent) {
        int[] widths = new int[header.size()];
        List<List<String>> all = new ArrayList<>(rows);
        all.addFirst(header);
        for (List<String> row : all) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder(indent);
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                // Words left, numbers right, as a reader scans them.
                line.append(i == 0 || !looksNumeric(cell) ? pad(cell, widths[i], false) : pad(cell, widths[i], true));
                line.append(i < row.size() - 1 ? "  " : "");
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells) {
        out.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }

    private static boolean looksNumeric(String cell) {
        return !cell.isEmpty() && (Character.isDigit(cell.charAt(0)) || cell.equals("–") || cell.startsWith("NaN"));
    }

    private static String pad(String cell, int width, boolean right) {
        String fill = " ".repeat(width - cell.length());
        return right ? fill + cell : cell + fill;
    }
}
