package eu.impactlab.impact;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A table of figures after suppression: what every view, chart and export shows. Hidden cells keep their true value
 * only inside this class; {@link Cell#shown()} is what leaves it.
 */
record Table(List<Row> rows, Row total) {

    /** A count that is shown, or hidden to protect small numbers. */
    record Cell(long value, boolean hidden) {

        /** The number for display, or null when hidden. */
        Long shown() {
            return hidden ? null : value;
        }
    }

    /** A share in percent, hidden when anything it is computed from is hidden or there is nothing to divide by. */
    record Share(Double percent) {
    }

    record Row(String key, String label, boolean subtotal, Cell[] cells, Double medianWait, boolean medianHidden) {

        Cell cell(Measure measure) {
            return cells[measure.ordinal()];
        }

        Share share(Measure part, Measure whole) {
            return share(cell(part), cell(whole), cell(whole).value());
        }

        Share noShowRate() {
            Cell missed = cell(Measure.NO_SHOWS);
            Cell came = cell(Measure.APPOINTMENTS);
            return share(missed, came.hidden() ? came : missed, missed.value() + came.value());
        }

        Share solvedShare() {
            return share(Measure.SOLVED, Measure.CONSULTATIONS);
        }

        Share otherLanguageShare() {
            return share(Measure.OTHER_LANGUAGE, Measure.WITH_LANGUAGE);
        }

        Share womenInTechnicalShare() {
            return share(Measure.TECHNICAL_WOMEN, Measure.TECHNICAL);
        }

        /** The median waiting time in minutes, or null when hidden or nobody waited. */
        Double shownMedianWait() {
            return medianHidden ? null : medianWait;
        }

        private static Share share(Cell part, Cell whole, long denominator) {
            if (part.hidden() || whole.hidden() || denominator <= 0) {
                return new Share(null);
            }
            return new Share(100.0 * part.value() / denominator);
        }
    }

    /** One row to build: its key, its label, and whether it sums other rows (a Stadtbezirk over its Stadtteile). */
    record Line(String key, String label, boolean subtotal) {
    }

    /**
     * Builds a suppressed table.
     *
     * @param lines     the rows in order
     * @param counts    raw counts by key; missing keys are zero
     * @param total     the raw total over all rows
     * @param groups    additive row groups as row indices {sum, parts...}; index lines.size() is the total row;
     *                  null means "the total is the sum of all rows"
     */
    static Table build(List<Line> lines, Map<String, FactQueries.Counts> counts, FactQueries.Counts total,
            List<int[]> groups) {
        int rows = lines.size() + 1;
        int m = Measure.COUNT;
        long[] values = new long[rows * m];
        Double[] medians = new Double[rows];
        for (int r = 0; r < lines.size(); r++) {
            FactQueries.Counts c = counts.getOrDefault(lines.get(r).key(), FactQueries.Counts.empty());
            System.arraycopy(c.values(), 0, values, r * m, m);
            medians[r] = c.medianWait();
        }
        System.arraycopy(total.values(), 0, values, lines.size() * m, m);
        medians[lines.size()] = total.medianWait();

        List<Suppression.Relation> relations = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int[] relation : Measure.rowRelations()) {
                int[] parts = new int[relation.length - 1];
                for (int i = 1; i < relation.length; i++) {
                    parts[i - 1] = r * m + relation[i];
                }
                relations.add(new Suppression.Relation(r * m + relation[0], parts));
            }
        }
        List<int[]> rowGroups = groups;
        if (rowGroups == null) {
            int[] all = new int[rows];
            all[0] = lines.size();
            for (int r = 0; r < lines.size(); r++) {
                all[r + 1] = r;
            }
            rowGroups = List.<int[]>of(all);
        }
        for (int[] group : rowGroups) {
            if (group.length < 2) {
                continue;
            }
            for (int measure = 0; measure < m; measure++) {
                int[] parts = new int[group.length - 1];
                for (int i = 1; i < group.length; i++) {
                    parts[i - 1] = group[i] * m + measure;
                }
                relations.add(new Suppression.Relation(group[0] * m + measure, parts));
            }
        }
        boolean[] hidden = Suppression.apply(values, relations);

        List<Row> built = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            Cell[] cells = new Cell[m];
            for (int measure = 0; measure < m; measure++) {
                cells[measure] = new Cell(values[r * m + measure], hidden[r * m + measure]);
            }
            boolean medianHidden = cells[Measure.QUEUE_SERVED.ordinal()].hidden() || medians[r] == null;
            Line line = r < lines.size() ? lines.get(r) : new Line("total", null, true);
            built.add(new Row(line.key(), line.label(), line.subtotal(), cells, medians[r], medianHidden));
        }
        return new Table(List.copyOf(built.subList(0, lines.size())), built.get(lines.size()));
    }
}
