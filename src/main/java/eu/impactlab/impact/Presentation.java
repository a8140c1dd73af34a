package eu.impactlab.impact;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.context.MessageSource;

/**
 * Turns a suppressed report into the texts that every output shows: the dashboard, CSV, XLSX and PDF all print these
 * very strings, so their numbers cannot differ.
 */
final class Presentation {

    static final String HIDDEN = "•";
    static final String NOTHING = "–";

    record Column(String header, Function<Table.Row, String> value) {
    }

    record GridRow(String label, boolean subtotal, List<String> cells) {
    }

    record Grid(String id, String caption, String firstHeader, List<String> headers, List<GridRow> rows, GridRow total) {
    }

    record Figure(String label, String value) {
    }

    /** A bar of a chart: its label, its value (null when hidden) and its text. */
    record Bar(String label, Long value, String text) {
    }

    /**
     * One chart of the dashboard and the PDF, drawn from the same bars: the grid it belongs to, its title, whether it
     * is the trend (columns over time) or a list of horizontal bars.
     */
    record Chart(String gridId, String title, boolean trend, List<Bar> bars) {

        /** The longest bar; never below 1 so an empty chart draws nothing instead of dividing by zero. */
        public long max() {
            return Math.max(1, bars.stream().filter(b -> b.value() != null).mapToLong(Bar::value).max().orElse(1));
        }

        /** A bar's length as a share of the longest, 0 to 100, with one decimal; 0 for a hidden cell. */
        public String percent(Bar bar) {
            return String.format(Locale.ROOT, "%.1f", bar.value() == null ? 0.0 : 100.0 * bar.value() / max());
        }
    }

    private final MessageSource messages;
    private final Locale locale;

    Presentation(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    static String count(Table.Cell cell) {
        return cell.hidden() ? HIDDEN : Long.toString(cell.value());
    }

    static String percent(Table.Share share) {
        return share.percent() == null ? HIDDEN : String.format(Locale.ROOT, "%.0f %%", share.percent());
    }

    static String minutes(Table.Row row) {
        if (row.medianWait() == null) {
            return NOTHING;
        }
        return row.medianHidden() ? HIDDEN : String.format(Locale.ROOT, "%.0f", row.shownMedianWait());
    }

    String message(String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private Column measure(Measure measure) {
        return new Column(message(measure.messageKey()), row -> count(row.cell(measure)));
    }

    List<Column> mainColumns() {
        return List.of(measure(Measure.PEOPLE), measure(Measure.CONSULTATIONS), measure(Measure.APPOINTMENTS),
                measure(Measure.WALK_INS), measure(Measure.SHORT_HELP), measure(Measure.BOOKINGS),
                measure(Measure.CANCELLATIONS), measure(Measure.NO_SHOWS),
                new Column(message("impact.figure.noShowRate"), row -> percent(row.noShowRate())),
                new Column(message("impact.figure.solvedShare"), row -> percent(row.solvedShare())),
                measure(Measure.REFERRALS), measure(Measure.FIRST_VISITS),
                new Column(message("impact.figure.otherLanguageShare"), row -> percent(row.otherLanguageShare())),
                new Column(message("impact.figure.medianWait"), Presentation::minutes),
                measure(Measure.REGISTRATIONS), measure(Measure.ATTENDANCE), measure(Measure.COMPLETIONS),
                new Column(message("impact.figure.womenTechnical"), row -> percent(row.womenInTechnicalShare())),
                measure(Measure.FEEDBACK));
    }

    List<Column> reachColumns() {
        return List.of(measure(Measure.PEOPLE), measure(Measure.CONSULTATIONS), measure(Measure.REGISTRATIONS));
    }

    Grid grid(String id, String caption, String firstHeader, Table table, List<Column> columns) {
        List<GridRow> rows = new ArrayList<>();
        for (Table.Row row : table.rows()) {
            rows.add(new GridRow(row.label(), row.subtotal(), columns.stream().map(c -> c.value().apply(row)).toList()));
        }
        GridRow total = new GridRow(message("impact.total"), true,
                columns.stream().map(c -> c.value().apply(table.total())).toList());
        return new Grid(id, caption, firstHeader, columns.stream().map(Column::header).toList(), rows, total);
    }

    List<Grid> grids(Report report) {
        String by = message("impact.by." + report.by().param());
        String period = message("impact.by." + report.period().param());
        List<Grid> grids = new ArrayList<>();
        grids.add(grid("breakdown", message("impact.table.breakdown", by), by, report.breakdown(), mainColumns()));
        grids.add(grid("trend", message("impact.table.trend", period), period, report.trend(), reachColumns()));
        grids.add(grid("districts", message("impact.table.districts"), message("impact.by.stadtteil"),
                report.districts(), reachColumns()));
        grids.add(feedback(report.total()));
        return grids;
    }

    /** A wide grid as several grids of at most {@code columns} columns each, for pages that cannot scroll sideways. */
    static List<Grid> split(Grid grid, int columns) {
        if (grid.headers().size() <= columns) {
            return List.of(grid);
        }
        List<Grid> parts = new ArrayList<>();
        for (int from = 0; from < grid.headers().size(); from += columns) {
            int to = Math.min(grid.headers().size(), from + columns);
            int a = from;
            List<GridRow> rows = grid.rows().stream()
                    .map(r -> new GridRow(r.label(), r.subtotal(), r.cells().subList(a, to))).toList();
            parts.add(new Grid(grid.id() + "-" + from, grid.caption(), grid.firstHeader(), grid.headers().subList(from, to),
                    rows, new GridRow(grid.total().label(), true, grid.total().cells().subList(from, to))));
        }
        return parts;
    }

    Grid feedback(Table.Row total) {
        List<GridRow> rows = new ArrayList<>();
        for (int score = 5; score >= 1; score--) {
            rows.add(new GridRow(message("impact.score." + score), false,
                    List.of(count(total.cell(Measure.SCORES.get(score - 1))))));
        }
        return new Grid("feedback", message("impact.table.feedback"), message("impact.feedback.answer"),
                List.of(message("impact.feedback.count")), rows,
                new GridRow(message("impact.total"), true, List.of(count(total.cell(Measure.FEEDBACK)))));
    }

    List<Figure> figures(Table.Row total) {
        return List.of(
                new Figure(message(Measure.PEOPLE.messageKey()), count(total.cell(Measure.PEOPLE))),
                new Figure(message(Measure.CONSULTATIONS.messageKey()), count(total.cell(Measure.CONSULTATIONS))),
                new Figure(message(Measure.APPOINTMENTS.messageKey()), count(total.cell(Measure.APPOINTMENTS))),
                new Figure(message(Measure.WALK_INS.messageKey()), count(total.cell(Measure.WALK_INS))),
                new Figure(message(Measure.SHORT_HELP.messageKey()), count(total.cell(Measure.SHORT_HELP))),
                new Figure(message("impact.figure.noShowRate"), percent(total.noShowRate())),
                new Figure(message("impact.figure.medianWait"), minutes(total)),
                new Figure(message("impact.figure.solvedShare"), percent(total.solvedShare())),
                new Figure(message(Measure.REFERRALS.messageKey()), count(total.cell(Measure.REFERRALS))),
                new Figure(message(Measure.FIRST_VISITS.messageKey()), count(total.cell(Measure.FIRST_VISITS))),
                new Figure(message("impact.figure.otherLanguageShare"), percent(total.otherLanguageShare())),
                new Figure(message(Measure.REGISTRATIONS.messageKey()), count(total.cell(Measure.REGISTRATIONS))),
                new Figure(message(Measure.ATTENDANCE.messageKey()), count(total.cell(Measure.ATTENDANCE))),
                new Figure(message(Measure.COMPLETIONS.messageKey()), count(total.cell(Measure.COMPLETIONS))),
                new Figure(message("impact.figure.womenTechnical"), percent(total.womenInTechnicalShare())),
                new Figure(message(Measure.FEEDBACK.messageKey()), count(total.cell(Measure.FEEDBACK))));
    }

    static List<Bar> bars(Table table, Measure measure, boolean withSubtotals) {
        return table.rows().stream().filter(row -> withSubtotals || !row.subtotal())
                .map(row -> new Bar(row.label(), row.cell(measure).shown(), count(row.cell(measure)))).toList();
    }

    /** The four charts, in the order of {@link #grids}: trend, breakdown, districts, feedback. */
    List<Chart> charts(Report report) {
        String by = message("impact.by." + report.by().param());
        String period = message("impact.by." + report.period().param());
        return List.of(
                new Chart("trend", message("impact.chart.trend", period), true, bars(report.trend(), Measure.PEOPLE, false)),
                new Chart("breakdown", message("impact.chart.breakdown", by), false,
                        bars(report.breakdown(), Measure.PEOPLE, false)),
                new Chart("districts", message("impact.chart.districts"), false, bars(report.districts(), Measure.PEOPLE, true)),
                new Chart("feedback", message("impact.chart.feedback"), false, feedbackBars(report.total())));
    }

    List<Bar> feedbackBars(Table.Row total) {
        List<Bar> bars = new ArrayList<>();
        for (int score = 5; score >= 1; score--) {
            Table.Cell cell = total.cell(Measure.SCORES.get(score - 1));
            bars.add(new Bar(message("impact.score." + score), cell.shown(), count(cell)));
        }
        return bars;
    }
}
