package eu.impactlab.impact;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The PDF's tables as plain cells in the order they are drawn. openhtmltopdf lays table columns out left to right
 * even in a right-to-left page, so for Arabic the columns are mirrored here: the label column stands on the right,
 * as in the browser. The texts are the very strings of {@link Presentation}.
 */
final class PdfLayout {

    /** Rows per table at most: a table this long fits on one A4 landscape page with its headings. */
    static final int PAGE_ROWS = 24;

    /** A cell: its text, whether it is a label (a header cell) rather than a number, and how many columns it spans. */
    record Cell(String text, boolean label, int span) {

        Cell(String text, boolean label) {
            this(text, label, 1);
        }
    }

    /** A row: its cells in drawing order and its kind ("subtotal", "total" or null). */
    record Line(List<Cell> cells, String kind) {
    }

    /** A table kept on one page: its header lines (column groups, then columns) and its rows. */
    record PdfTable(List<Line> header, List<Line> rows) {
    }

    /** A heading with its notes, the charts drawn from the same numbers and the table's parts. */
    record Section(String caption, List<String> notes, List<Presentation.Chart> charts, List<PdfTable> parts) {
    }

    /** Part of the page number line: a text, or a counter ("page" or "pages") filled in by the renderer. */
    record PagePart(String text, String counter) {
    }

    private final boolean rightToLeft;

    PdfLayout(boolean rightToLeft) {
        this.rightToLeft = rightToLeft;
    }

    /**
     * A grid as tables that each fit on a page, so no page holds a lonely row: a long grid is cut into parts of equal
     * length (53 weeks and the total as three parts of 18, not 24 + 24 + 6), each with the column headings.
     */
    List<PdfTable> tables(Presentation.Grid grid) {
        List<Line> rows = new ArrayList<>();
        for (Presentation.GridRow row : grid.rows()) {
            rows.add(line(row, row.subtotal() ? "subtotal" : null));
        }
        if (grid.total() != null) {
            rows.add(line(grid.total(), "total"));
        }
        List<Line> header = new ArrayList<>();
        if (!grid.groups().isEmpty()) {
            List<Cell> groups = new ArrayList<>();
            groups.add(new Cell("", true));
            grid.groups().forEach(g -> groups.add(new Cell(g.label(), false, g.span())));
            header.add(new Line(ordered(groups), "groups"));
        }
        List<Cell> columns = new ArrayList<>();
        columns.add(new Cell(grid.firstHeader(), true));
        grid.headers().forEach(h -> columns.add(new Cell(h, false)));
        header.add(new Line(ordered(columns), null));
        List<PdfTable> tables = new ArrayList<>();
        if (rows.isEmpty()) {
            // nothing to show (e.g. no course with before/after pairs yet): the section's caption and notes say so
            return tables;
        }
        int parts = (rows.size() + PAGE_ROWS - 1) / PAGE_ROWS;
        int size = (rows.size() + parts - 1) / parts;
        for (int from = 0; from < rows.size(); from += size) {
            tables.add(new PdfTable(header, rows.subList(from, Math.min(rows.size(), from + size))));
        }
        return tables;
    }

    private Line line(Presentation.GridRow row, String kind) {
        List<Cell> cells = new ArrayList<>();
        cells.add(new Cell(row.label(), true));
        row.cells().forEach(c -> cells.add(new Cell(c, false)));
        return new Line(ordered(cells), kind);
    }

    /** The key figures as lines of {@code perLine} cards; the last line is filled up with nulls. */
    List<List<Presentation.Figure>> figureLines(List<Presentation.Figure> figures, int perLine) {
        List<List<Presentation.Figure>> lines = new ArrayList<>();
        for (int from = 0; from < figures.size(); from += perLine) {
            List<Presentation.Figure> line = new ArrayList<>(figures.subList(from, Math.min(figures.size(), from + perLine)));
            while (line.size() < perLine) {
                line.add(null);
            }
            lines.add(ordered(line));
        }
        return lines;
    }

    private <T> List<T> ordered(List<T> cells) {
        if (rightToLeft) {
            Collections.reverse(cells);
        }
        return cells;
    }

    /**
     * "Seite {0} von {1}" as texts and counters. The line is laid out as text (not as CSS generated content in the
     * page margin, which the renderer neither shapes nor orders right to left).
     */
    static List<PagePart> pageLine(String pattern) {
        List<PagePart> parts = new ArrayList<>();
        String rest = pattern;
        while (!rest.isEmpty()) {
            int page = rest.indexOf("{0}");
            int pages = rest.indexOf("{1}");
            int next = page < 0 ? pages : pages < 0 ? page : Math.min(page, pages);
            if (next < 0) {
                parts.add(new PagePart(rest, null));
                break;
            }
            if (next > 0) {
                parts.add(new PagePart(rest.substring(0, next), null));
            }
            parts.add(new PagePart("", next == page ? "page" : "pages"));
            rest = rest.substring(next + 3);
        }
        return parts;
    }
}
