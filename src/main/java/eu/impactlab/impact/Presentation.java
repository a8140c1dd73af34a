package eu.impactlab.impact;

import eu.impactlab.platform.BremenDistricts;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
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

    /**
     * A column: its header, its text per row, and the activities it is computed from (a count: one group; a share:
     * its part and its whole), so it is shown only where those facts carry what the question splits or filters by.
     */
    record Column(String header, Function<Table.Row, String> value, List<Set<Activity>> sources) {
    }

    /** Columns that belong together under one heading (reach, language of help, appointments, ...). */
    record ColumnGroup(String label, List<Column> columns) {
    }

    record GridRow(String label, boolean subtotal, List<String> cells) {
    }

    /** A heading over {@code span} consecutive columns. */
    record Group(String label, int span) {
    }

    /**
     * A table as every output prints it: {@code groups} are headings over the columns (empty for a plain table) and
     * {@code notes} say what the table counts and leaves out.
     */
    record Grid(String id, String caption, String firstHeader, List<Group> groups, List<String> headers,
            List<GridRow> rows, GridRow total, List<String> notes) {
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

        /** The chart in words for the PDF's alternative text: its title, then each bar's label and number. */
        public String description(String separator) {
            return title + ": " + bars.stream().map(b -> b.label() + " " + b.text())
                    .collect(java.util.stream.Collectors.joining(separator));
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

    Locale locale() {
        return locale;
    }

    String message(String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private static final Set<Activity> CONSULTING = Activity.CONSULTATIONS;
    private static final Set<Activity> PEOPLE = EnumSet.of(Activity.APPOINTMENT, Activity.WALK_IN, Activity.SHORT_HELP,
            Activity.COURSE_REGISTRATION);

    private Column count(String key, Measure measure, Set<Activity> sources) {
        return new Column(message(key), row -> count(row.cell(measure)), List.of(sources));
    }

    private Column share(String key, Function<Table.Row, Table.Share> share, Set<Activity> part, Set<Activity> whole) {
        return new Column(message(key), row -> percent(share.apply(row)), List.of(part, whole));
    }

    /**
     * The breakdown's columns in groups; every share stands right after the two counts it is computed from, so a
     * reader never has to multiply a share back into a number.
     */
    List<ColumnGroup> mainGroups() {
        Set<Activity> registration = EnumSet.of(Activity.COURSE_REGISTRATION);
        return List.of(
                new ColumnGroup(message("impact.group.reach"), reachColumns()),
                new ColumnGroup(message("impact.group.language"), List.of(
                        count("impact.col.withLanguage", Measure.WITH_LANGUAGE, CONSULTING),
                        count("impact.col.otherLanguage", Measure.OTHER_LANGUAGE, CONSULTING),
                        share("impact.col.otherLanguageShare", Table.Row::otherLanguageShare, CONSULTING, CONSULTING))),
                new ColumnGroup(message("impact.group.consultations"), List.of(
                        count("impact.col.appointments", Measure.APPOINTMENTS, EnumSet.of(Activity.APPOINTMENT)),
                        count("impact.col.walkIns", Measure.WALK_INS, EnumSet.of(Activity.WALK_IN)),
                        count("impact.col.shortHelp", Measure.SHORT_HELP, EnumSet.of(Activity.SHORT_HELP)),
                        count("impact.col.solved", Measure.SOLVED, CONSULTING),
                        share("impact.col.solvedShare", Table.Row::solvedShare, CONSULTING, CONSULTING),
                        count("impact.col.referrals", Measure.REFERRALS, CONSULTING),
                        count("impact.col.firstVisits", Measure.FIRST_VISITS, CONSULTING))),
                new ColumnGroup(message("impact.group.appointments"), List.of(
                        count("impact.col.bookings", Measure.BOOKINGS, EnumSet.of(Activity.BOOKING)),
                        count("impact.col.cancellations", Measure.CANCELLATIONS, EnumSet.of(Activity.CANCELLATION)),
                        count("impact.col.noShows", Measure.NO_SHOWS, EnumSet.of(Activity.NO_SHOW)),
                        share("impact.col.noShowRate", Table.Row::noShowRate, EnumSet.of(Activity.NO_SHOW),
                                EnumSet.of(Activity.NO_SHOW, Activity.APPOINTMENT)))),
                new ColumnGroup(message("impact.group.queue"), List.of(new Column(message("impact.col.medianWait"),
                        Presentation::minutes, List.of(EnumSet.of(Activity.QUEUE_SERVED))))),
                new ColumnGroup(message("impact.group.courses"), List.of(
                        count("impact.col.attendance", Measure.ATTENDANCE, EnumSet.of(Activity.COURSE_ATTENDANCE)),
                        count("impact.col.completions", Measure.COMPLETIONS, EnumSet.of(Activity.COURSE_COMPLETION)),
                        count("impact.col.technical", Measure.TECHNICAL, registration),
                        count("impact.col.technicalWomen", Measure.TECHNICAL_WOMEN, registration),
                        share("impact.col.womenTechnical", Table.Row::womenInTechnicalShare, registration, registration))),
                new ColumnGroup(message("impact.group.feedback"), List.of(
                        count("impact.col.feedback", Measure.FEEDBACK, EnumSet.of(Activity.FEEDBACK)))));
    }

    List<Column> reachColumns() {
        return List.of(count(Measure.PEOPLE.messageKey(), Measure.PEOPLE, PEOPLE),
                count(Measure.CONSULTATIONS.messageKey(), Measure.CONSULTATIONS, CONSULTING),
                count(Measure.REGISTRATIONS.messageKey(), Measure.REGISTRATIONS, EnumSet.of(Activity.COURSE_REGISTRATION)));
    }

    /** A table of the groups' columns that are defined under these attributes; a group left empty disappears. */
    Grid grid(String id, String caption, String firstHeader, Table table, List<ColumnGroup> groups,
            Set<Coverage.Attribute> used, boolean headed, List<String> notes) {
        List<Column> columns = new ArrayList<>();
        List<Group> headings = new ArrayList<>();
        for (ColumnGroup group : groups) {
            List<Column> defined = group.columns().stream().filter(c -> Coverage.defined(c.sources(), used)).toList();
            if (!defined.isEmpty()) {
                columns.addAll(defined);
                headings.add(new Group(group.label(), defined.size()));
            }
        }
        List<GridRow> rows = new ArrayList<>();
        for (Table.Row row : table.rows()) {
            rows.add(new GridRow(row.label(), row.subtotal(), columns.stream().map(c -> c.value().apply(row)).toList()));
        }
        GridRow total = new GridRow(message("impact.total"), true,
                columns.stream().map(c -> c.value().apply(table.total())).toList());
        return new Grid(id, caption, firstHeader, headed ? List.copyOf(headings) : List.of(),
                columns.stream().map(Column::header).toList(), rows, total, List.copyOf(notes));
    }

    /** The attributes the breakdown splits and the filters narrow by. */
    static Set<Coverage.Attribute> used(Report report, Dimension by) {
        Set<Coverage.Attribute> used = EnumSet.noneOf(Coverage.Attribute.class);
        used.addAll(report.filtered());
        Coverage.of(by).ifPresent(used::add);
        return used;
    }

    List<Grid> grids(Report report) {
        String by = message("impact.by." + report.by().param());
        String period = message("impact.by." + report.period().param());
        List<Grid> grids = new ArrayList<>();
        grids.add(grid("breakdown", message("impact.table.breakdown", by), by, report.breakdown(), mainGroups(),
                used(report, report.by()), true, splitNotes(report.by(), report.breakdown())));
        grids.add(grid("trend", message("impact.table.trend", period), period, report.trend(),
                List.of(new ColumnGroup("", reachColumns())), used(report, report.period()), false, List.of()));
        grids.add(grid("districts", message("impact.table.districts"), message("impact.by.stadtteil"),
                report.districts(), List.of(new ColumnGroup("", reachColumns())), used(report, Dimension.STADTTEIL),
                false, splitNotes(Dimension.STADTTEIL, report.districts())));
        grids.add(feedback(report.total(), report.filtered()));
        return grids;
    }

    /**
     * What a breakdown by an attribute that not every fact carries leaves out, and for place of residence, age and
     * gender the "not stated" share over the facts that can carry one (short help and bookings cannot).
     */
    List<String> splitNotes(Dimension by, Table table) {
        List<String> notes = new ArrayList<>();
        Coverage.of(by).ifPresent(attribute -> notes.add(message("impact.note.by." + attribute.key())));
        if (Coverage.of(by).orElse(null) == Coverage.Attribute.VISITOR) {
            table.rows().stream().filter(row -> BremenDistricts.NOT_STATED.equals(row.key())).findFirst().ifPresent(row -> {
                Table.Cell part = carriers(row);
                Table.Cell whole = carriers(table.total());
                Table.Share share = new Table.Share(part.hidden() || whole.hidden() || whole.value() == 0 ? null
                        : 100.0 * part.value() / whole.value());
                notes.add(message("impact.note.notStated", count(part), count(whole), percent(share)));
            });
        }
        return notes;
    }

    /** People helped in the ways that record place of residence, age and gender: appointments, walk-ins, courses. */
    private static Table.Cell carriers(Table.Row row) {
        List<Table.Cell> cells = List.of(row.cell(Measure.APPOINTMENTS), row.cell(Measure.WALK_INS),
                row.cell(Measure.REGISTRATIONS));
        return new Table.Cell(cells.stream().mapToLong(Table.Cell::value).sum(), cells.stream().anyMatch(Table.Cell::hidden));
    }

    /** What the filters leave out, for the top of every output; with a language filter, how many people that is. */
    List<String> filterNotes(Report report) {
        List<String> notes = new ArrayList<>();
        for (Coverage.Attribute attribute : report.filtered()) {
            if (attribute == Coverage.Attribute.LANGUAGE && report.withoutLanguage() != null) {
                notes.add(message("impact.note.filter.language", count(report.withoutLanguage())));
            } else if (attribute != Coverage.Attribute.LANGUAGE) {
                notes.add(message("impact.note.filter." + attribute.key()));
            }
        }
        if (Filter.NO_LANGUAGE.equals(report.language())) {
            notes.add(message("impact.note.filter.nolanguage"));
        }
        return notes;
    }

    /** A wide grid as several grids of whole column groups of at most {@code columns} columns, for the PDF page. */
    static List<Grid> split(Grid grid, int columns) {
        List<int[]> parts = parts(grid.groups().isEmpty() ? List.of(grid.headers().size())
                : grid.groups().stream().map(Group::span).toList(), columns);
        if (parts.size() <= 1) {
            return List.of(grid);
        }
        List<Grid> split = new ArrayList<>();
        int group = 0;
        for (int[] part : parts) {
            int from = part[0];
            int to = part[1];
            List<Group> groups = new ArrayList<>();
            for (int at = from; at < to && group < grid.groups().size(); group++) {
                groups.add(grid.groups().get(group));
                at += grid.groups().get(group).span();
            }
            List<GridRow> rows = grid.rows().stream()
                    .map(r -> new GridRow(r.label(), r.subtotal(), r.cells().subList(from, to))).toList();
            split.add(new Grid(grid.id() + "-" + from, grid.caption(), grid.firstHeader(), groups,
                    grid.headers().subList(from, to), rows,
                    new GridRow(grid.total().label(), true, grid.total().cells().subList(from, to)), grid.notes()));
        }
        return split;
    }

    /**
     * Consecutive column groups packed into parts of at most {@code columns} columns, as [from, to) column ranges; a
     * group wider than that is cut into pieces of {@code columns}.
     */
    static List<int[]> parts(List<Integer> spans, int columns) {
        List<int[]> parts = new ArrayList<>();
        int start = 0;
        int end = 0;
        for (int span : spans) {
            if (end > start && end - start + span > columns) {
                parts.add(new int[] {start, end});
                start = end;
            }
            end += span;
            while (end - start > columns) {
                parts.add(new int[] {start, start + columns});
                start += columns;
            }
        }
        if (end > start) {
            parts.add(new int[] {start, end});
        }
        return parts;
    }

    /** The feedback table; where the filters leave no feedback that carries what they narrow by, it says so. */
    Grid feedback(Table.Row total, Set<Coverage.Attribute> filtered) {
        boolean defined = Coverage.defined(List.of(EnumSet.of(Activity.FEEDBACK)), filtered);
        List<GridRow> rows = new ArrayList<>();
        for (int score = 5; score >= 1; score--) {
            rows.add(new GridRow(message("impact.score." + score), false,
                    List.of(defined ? count(total.cell(Measure.SCORES.get(score - 1))) : NOTHING)));
        }
        return new Grid("feedback", message("impact.table.feedback"), message("impact.feedback.answer"), List.of(),
                List.of(message("impact.feedback.count")), rows,
                new GridRow(message("impact.total"), true, List.of(defined ? count(total.cell(Measure.FEEDBACK)) : NOTHING)),
                defined ? List.of() : List.of(message("impact.note.feedbackUndefined")));
    }

    /** The key figures that are defined under the filters (a gender filter leaves no no-show rate, for example). */
    List<Figure> figures(Report report) {
        Table.Row total = report.total();
        Set<Activity> appointment = EnumSet.of(Activity.APPOINTMENT);
        Set<Activity> registration = EnumSet.of(Activity.COURSE_REGISTRATION);
        List<Column> cards = List.of(
                count(Measure.PEOPLE.messageKey(), Measure.PEOPLE, PEOPLE),
                count(Measure.CONSULTATIONS.messageKey(), Measure.CONSULTATIONS, CONSULTING),
                count(Measure.APPOINTMENTS.messageKey(), Measure.APPOINTMENTS, appointment),
                count(Measure.WALK_INS.messageKey(), Measure.WALK_INS, EnumSet.of(Activity.WALK_IN)),
                count(Measure.SHORT_HELP.messageKey(), Measure.SHORT_HELP, EnumSet.of(Activity.SHORT_HELP)),
                share("impact.figure.noShowRate", Table.Row::noShowRate, EnumSet.of(Activity.NO_SHOW),
                        EnumSet.of(Activity.NO_SHOW, Activity.APPOINTMENT)),
                new Column(message("impact.figure.medianWait"), Presentation::minutes, List.of(EnumSet.of(Activity.QUEUE_SERVED))),
                share("impact.figure.solvedShare", Table.Row::solvedShare, CONSULTING, CONSULTING),
                count(Measure.REFERRALS.messageKey(), Measure.REFERRALS, CONSULTING),
                count(Measure.FIRST_VISITS.messageKey(), Measure.FIRST_VISITS, CONSULTING),
                share("impact.figure.otherLanguageShare", Table.Row::otherLanguageShare, CONSULTING, CONSULTING),
                count(Measure.REGISTRATIONS.messageKey(), Measure.REGISTRATIONS, registration),
                count(Measure.ATTENDANCE.messageKey(), Measure.ATTENDANCE, EnumSet.of(Activity.COURSE_ATTENDANCE)),
                count(Measure.COMPLETIONS.messageKey(), Measure.COMPLETIONS, EnumSet.of(Activity.COURSE_COMPLETION)),
                share("impact.figure.womenTechnical", Table.Row::womenInTechnicalShare, registration, registration),
                count(Measure.FEEDBACK.messageKey(), Measure.FEEDBACK, EnumSet.of(Activity.FEEDBACK)));
        return cards.stream().filter(c -> Coverage.defined(c.sources(), report.filtered()))
                .map(c -> new Figure(c.header(), c.value().apply(total))).toList();
    }

    static List<Bar> bars(Table table, Measure measure, java.util.function.Predicate<Table.Row> which) {
        return table.rows().stream().filter(which)
                .map(row -> new Bar(row.label(), row.cell(measure).shown(), count(row.cell(measure)))).toList();
    }

    /**
     * The charts, in the order of {@link #grids}: trend, breakdown, districts (one chart per level, Stadtbezirke and
     * Stadtteile apart, since a sum and its parts in one chart compare unlike things), feedback.
     */
    List<Chart> charts(Report report) {
        String by = message("impact.by." + report.by().param());
        String period = message("impact.by." + report.period().param());
        java.util.function.Predicate<Table.Row> topLevel = row -> row.subtotal()
                || BremenDistricts.OUTSIDE_BREMEN.equals(row.key()) || BremenDistricts.NOT_STATED.equals(row.key());
        List<Chart> charts = new ArrayList<>(List.of(
                new Chart("trend", message("impact.chart.trend", period), true, bars(report.trend(), Measure.PEOPLE, row -> true)),
                new Chart("breakdown", message("impact.chart.breakdown", by), false,
                        bars(report.breakdown(), Measure.PEOPLE, row -> !row.subtotal())),
                new Chart("districts", message("impact.chart.stadtbezirke"), false, bars(report.districts(), Measure.PEOPLE, topLevel)),
                new Chart("districts", message("impact.chart.stadtteile"), false,
                        bars(report.districts(), Measure.PEOPLE, topLevel.negate()))));
        if (Coverage.defined(List.of(EnumSet.of(Activity.FEEDBACK)), report.filtered())) {
            charts.add(new Chart("feedback", message("impact.chart.feedback"), false, feedbackBars(report.total())));
        }
        return charts;
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
