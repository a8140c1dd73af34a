package eu.impactlab.impact;

import eu.impactlab.courses.CourseService;
import eu.impactlab.labs.LabView;
import eu.impactlab.labs.Language;
import eu.impactlab.partners.PartnerService;
import eu.impactlab.skills.SkillsService;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The figures that the CSV, XLSX and PDF exports print after the dashboard's own: the labs' partner work (requests by
 * kind and state, first-reply times, delivered offers and their reach) and the self-check figures (finished checks by
 * area and level, the before/after change per course and competence). Each is a section: a sheet of the XLSX, a part
 * of the CSV under its heading, a chapter of the PDF with charts. Every count goes through the dashboard's suppression.
 */
@Component
class ExportSections {

    static final ZoneId BREMEN = ZoneId.of("Europe/Berlin");
    static final List<String> STATES = List.of("REQUESTED", "CLARIFYING", "SCHEDULED", "DELIVERED", "REPORTED",
            "DECLINED", "WITHDRAWN", "CANCELLED");
    static final int LEVELS = 4;

    /** One part of the exports: the name of its XLSX sheet, its heading, its tables and charts. */
    record Section(String sheet, String heading, List<Presentation.Grid> grids, List<Presentation.Chart> charts) {
    }

    private final PartnerFigures reach;
    private final PartnerService partners;
    private final SkillsService skills;
    private final CourseService courses;

    ExportSections(PartnerFigures reach, PartnerService partners, SkillsService skills, CourseService courses) {
        this.reach = reach;
        this.partners = partners;
        this.skills = skills;
        this.courses = courses;
    }

    List<Section> sections(LocalDate from, LocalDate to, List<LabView> labs, Presentation text) {
        return List.of(partnerSection(from, to, labs, text), skillsSection(from, to, labs, text)).stream()
                .map(s -> new Section(s.sheet(), s.heading(), s.grids(), s.charts().stream()
                        // a chart without one visible number above 0 would say nothing that its table does not
                        .filter(c -> c.bars().stream().anyMatch(b -> b.value() != null && b.value() > 0)).toList()))
                .toList();
    }

    // --- partner work ---

    Section partnerSection(LocalDate from, LocalDate to, List<LabView> labs, Presentation text) {
        List<Long> ids = labs.stream().map(LabView::id).toList();
        String total = text.message("impact.total");
        List<Presentation.Grid> grids = new ArrayList<>();

        long[][] requests = new long[PartnerFigures.KINDS.size()][STATES.size()];
        for (PartnerService.RequestCount c : partners.requestCounts(from, to, ids)) {
            int k = PartnerFigures.KINDS.indexOf(c.kind());
            int s = STATES.indexOf(c.state());
            if (k >= 0 && s >= 0) {
                requests[k][s] += c.requests();
            }
        }
        List<String> stateColumns = new ArrayList<>(STATES.stream().map(s -> text.message("partners.staffState." + s)).toList());
        stateColumns.add(total);
        List<String> kindKeys = PartnerFigures.KINDS.stream().map(k -> "partners.kind." + k).toList();
        Presentation.Grid byState = grid("partner-requests", text.message("impact.partners.requests"),
                text.message("impact.partners.kind"), ParticipationFigures.grid("requests", stateColumns, kindKeys, requests, true),
                text, List.of(text.message("impact.partners.requests.note")));
        grids.add(byState);
        grids.add(replies(from, to, labs, text));

        List<String> labColumns = new ArrayList<>(labs.stream().map(LabView::name).toList());
        labColumns.add(total);
        PartnerFigures.Figures figures = reach.figures(from, to, labs, total);
        for (ParticipationFigures.Grid g : figures.grids()) {
            String firstHeader = switch (g.id()) {
                case "ages" -> text.message("impact.partners.ageBand");
                case "places" -> text.message("impact.partners.stadtteil");
                case "languages" -> text.message("impact.partners.language");
                case "more" -> "";
                default -> text.message("impact.partners.kind");
            };
            grids.add(grid("partner-" + g.id(), text.message("partners.figures.grid." + g.id()), firstHeader, g, text, List.of()));
        }
        List<Presentation.Chart> charts = new ArrayList<>();
        charts.add(totalsChart(byState, text.message("impact.partners.chart.requests")));
        for (Presentation.Grid g : grids) {
            if (g.id().equals("partner-participants") || g.id().equals("partner-ages") || g.id().equals("partner-places")) {
                charts.add(totalsChart(g, g.caption()));
            }
        }
        return new Section(text.message("impact.partners.sheet"), text.message("impact.partners.heading"), grids, charts);
    }

    /**
     * Requests answered and the median hours to the first reply, per lab: the median is shown only where at least five
     * answered requests stand behind it and their count is shown.
     */
    private Presentation.Grid replies(LocalDate from, LocalDate to, List<LabView> labs, Presentation text) {
        List<Long> ids = labs.stream().map(LabView::id).toList();
        Map<Long, List<Long>> hours = new HashMap<>();
        for (PartnerService.FirstReply r : partners.firstReplies(from, to, ids)) {
            hours.computeIfAbsent(r.labId(), l -> new ArrayList<>()).add(r.hours());
        }
        long[][] answered = new long[1][ids.size()];
        for (int c = 0; c < ids.size(); c++) {
            answered[0][c] = hours.getOrDefault(ids.get(c), List.of()).size();
        }
        List<String> columns = new ArrayList<>(labs.stream().map(LabView::name).toList());
        columns.add(text.message("impact.total"));
        ParticipationFigures.Grid counts = ParticipationFigures.grid("replies", columns,
                List.of("impact.partners.answered"), answered, false);
        List<String> counted = counts.rows().get(0).cells();
        List<String> medians = new ArrayList<>();
        for (int c = 0; c <= ids.size(); c++) {
            List<Long> values = c < ids.size() ? hours.getOrDefault(ids.get(c), List.of())
                    : hours.values().stream().flatMap(List::stream).toList();
            boolean hidden = Presentation.HIDDEN.equals(counted.get(c));
            medians.add(hidden ? Presentation.HIDDEN
                    : values.size() < Suppression.MIN_CASES ? Presentation.NOTHING : median(values));
        }
        List<Presentation.GridRow> rows = List.of(
                new Presentation.GridRow(text.message("impact.partners.answered"), false, counted),
                new Presentation.GridRow(text.message("impact.partners.medianHours"), false, medians));
        return new Presentation.Grid("partner-replies", text.message("impact.partners.replies"), "", List.of(),
                columns, rows, null, List.of(text.message("impact.partners.replies.note")));
    }

    /** The median as percentile_cont(0.5) computes it, in whole hours (a half rounds up). */
    static String median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
        return Long.toString(Math.round(median));
    }

    // --- self-checks ---

    Section skillsSection(LocalDate from, LocalDate to, List<LabView> labs, Presentation text) {
        var start = from.atStartOfDay(BREMEN).toInstant();
        var end = to.plusDays(1).atStartOfDay(BREMEN).toInstant();
        Map<String, long[]> byArea = new LinkedHashMap<>();
        for (SkillsService.AreaLevelCount c : skills.finishedByAreaAndLevel(start, end)) {
            long[] row = byArea.computeIfAbsent(c.area(), a -> new long[LEVELS]);
            if (c.level() >= 0 && c.level() < LEVELS) {
                row[c.level()] += c.checks();
            }
        }
        List<String> levelColumns = new ArrayList<>();
        for (int l = 0; l < LEVELS; l++) {
            levelColumns.add(text.message("skills.level." + l));
        }
        levelColumns.add(text.message("impact.total"));
        List<String> areaKeys = byArea.keySet().stream().map(a -> "courses.digcomp.area." + a).toList();
        // the total row would count a check once per area: it is left out, each row's total is that area's checks
        Presentation.Grid areas = grid("skills-areas", text.message("impact.skills.areas"), text.message("impact.skills.area"),
                ParticipationFigures.grid("areas", levelColumns, areaKeys, byArea.values().toArray(new long[0][]), false),
                text, List.of(text.message("impact.skills.areas.note")));
        Presentation.Grid changes = changes(start, end, labs, text);
        List<Presentation.Chart> charts = new ArrayList<>();
        charts.add(new Presentation.Chart(areas.id(), text.message("impact.skills.chart.areas"), false,
                areas.rows().stream().map(r -> bar(r.label(), r.cells().get(r.cells().size() - 1))).toList()));
        return new Section(text.message("impact.skills.sheet"), text.message("impact.skills.heading"),
                List.of(areas, changes), charts);
    }

    /**
     * Per course (of the labs asked for) and competence: pairs of before/after checks, how many rose a level, how many
     * did not (so "rose" cannot be worked out from the pairs when it is hidden), and the mean change, hidden with its pairs.
     */
    private Presentation.Grid changes(java.time.Instant start, java.time.Instant end, List<LabView> labs, Presentation text) {
        Set<Long> labIds = labs.stream().map(LabView::id).collect(Collectors.toSet());
        Language language = Language.forLocale(text.locale());
        Map<Long, Boolean> inLabs = new HashMap<>();
        List<SkillsService.CourseChange> shown = skills.changesPerCourse(start, end).stream()
                .filter(c -> inLabs.computeIfAbsent(c.courseId(), id -> courses.labOf(id).map(labIds::contains).orElse(false)))
                .toList();
        long[] values = new long[shown.size() * 3];
        List<Suppression.Relation> relations = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            values[3 * i] = shown.get(i).pairs();
            values[3 * i + 1] = shown.get(i).improved();
            values[3 * i + 2] = shown.get(i).pairs() - shown.get(i).improved();
            relations.add(new Suppression.Relation(3 * i, 3 * i + 1, 3 * i + 2));
        }
        boolean[] hidden = Suppression.apply(values, relations);
        Map<Long, String> titles = new HashMap<>();
        List<Presentation.GridRow> rows = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            SkillsService.CourseChange c = shown.get(i);
            String title = titles.computeIfAbsent(c.courseId(), id -> courses.title(id, language).orElse("#" + id));
            List<String> cells = new ArrayList<>();
            for (int j = 0; j < 3; j++) {
                cells.add(hidden[3 * i + j] ? Presentation.HIDDEN : Long.toString(values[3 * i + j]));
            }
            cells.add(hidden[3 * i] ? Presentation.HIDDEN
                    : decimal(c.meanChange(), text.locale()));
            rows.add(new Presentation.GridRow(title + " – " + text.message("courses.digcomp." + c.competence()), false, cells));
        }
        return new Presentation.Grid("skills-changes", text.message("impact.skills.changes"), text.message("impact.skills.course"),
                List.of(), List.of(text.message("impact.skills.pairs"), text.message("impact.skills.improved"),
                        text.message("impact.skills.notImproved"), text.message("impact.skills.meanChange")),
                rows, null, List.of(text.message(rows.isEmpty() ? "impact.skills.changes.none" : "impact.skills.changes.note")));
    }

    // --- shared ---

    /** A signed number with one decimal and Latin digits; a decimal comma except in English and Arabic. */
    static String decimal(double value, Locale locale) {
        String text = String.format(Locale.ROOT, "%+.1f", value);
        return Set.of("en", "ar").contains(locale.getLanguage()) ? text : text.replace('.', ',');
    }

    /** A figures grid as every export prints it; its last row is the total when it is labelled so. */
    private static Presentation.Grid grid(String id, String caption, String firstHeader, ParticipationFigures.Grid g,
            Presentation text, List<String> notes) {
        List<Presentation.GridRow> rows = new ArrayList<>();
        Presentation.GridRow total = null;
        for (ParticipationFigures.Row row : g.rows()) {
            boolean isTotal = "participation.impact.total".equals(row.labelKey());
            String label = isTotal ? text.message("impact.total")
                    : row.literal() != null ? row.literal() : text.message(row.labelKey());
            Presentation.GridRow gridRow = new Presentation.GridRow(label, isTotal, row.cells());
            if (isTotal) {
                total = gridRow;
            } else {
                rows.add(gridRow);
            }
        }
        List<String> said = rows.isEmpty() ? List.of(text.message("partners.figures.none")) : notes;
        return new Presentation.Grid(id, caption, firstHeader, List.of(), g.columns(), rows, total, said);
    }

    /** A chart of a grid's total column, one bar per row; a hidden cell gets no bar. */
    private static Presentation.Chart totalsChart(Presentation.Grid grid, String title) {
        return new Presentation.Chart(grid.id(), title, false,
                grid.rows().stream().map(r -> bar(r.label(), r.cells().get(r.cells().size() - 1))).toList());
    }

    private static Presentation.Bar bar(String label, String cell) {
        return cell.matches("\\d+") ? new Presentation.Bar(label, Long.parseLong(cell), cell)
                : new Presentation.Bar(label, null, cell);
    }
}
