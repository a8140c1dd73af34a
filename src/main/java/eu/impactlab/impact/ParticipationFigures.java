package eu.impactlab.impact;

import eu.impactlab.labs.LabView;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The funders' participation figures for a period and the labs they may see: ideas by kind and lab, supports (online
 * and in person), the share of ideas that became a course or project, and the median days to the first public answer.
 * Every table goes through the same small-number suppression as the dashboard ("•").
 */
@Component
class ParticipationFigures {

    static final String HIDDEN = "•";
    static final List<String> KINDS = List.of("COURSE", "PROJECT", "EQUIPMENT", "OTHER");

    /** One table: column heads (labs, then the total) and rows of shown values. */
    record Grid(String id, List<String> columns, List<Row> rows) {
    }

    /** A row's label: a message key, or a name shown as it is ({@code literal}, e.g. a Stadtteil or a language). */
    record Row(String labelKey, String literal, List<String> cells) {

        Row(String labelKey, List<String> cells) {
            this(labelKey, null, cells);
        }
    }

    record Figures(List<Grid> grids, String medianDaysToAnswer, long answers) {
    }

    private final JdbcClient jdbc;

    ParticipationFigures(ReportingDatabase reporting) {
        this.jdbc = reporting.jdbcClient();
    }

    Figures figures(LocalDate from, LocalDate to, List<LabView> labs, String totalLabel) {
        List<Long> ids = labs.stream().map(LabView::id).toList();
        Map<String, Long> counts = new HashMap<>();
        List<Integer> days = new ArrayList<>();
        if (!ids.isEmpty()) {
            jdbc.sql("""
                    select lab_id, activity, kind, coalesce(in_person, false) as in_person, coalesce(realised, false) as realised,
                           count(*) as n
                    from impact_participation_fact where day between :from and :to and lab_id in (:labs)
                    group by 1, 2, 3, 4, 5""")
                    .param("from", Date.valueOf(from)).param("to", Date.valueOf(to)).param("labs", ids)
                    .query((rs, i) -> {
                        long lab = rs.getLong("lab_id");
                        String activity = rs.getString("activity");
                        long n = rs.getLong("n");
                        counts.merge(activity + ":" + rs.getString("kind") + ":" + lab, n, Long::sum);
                        if ("SUPPORT".equals(activity)) {
                            counts.merge("SUPPORT:" + (rs.getBoolean("in_person") ? "IN_PERSON" : "ONLINE") + ":" + lab, n, Long::sum);
                        }
                        if ("ANSWER".equals(activity) && rs.getBoolean("realised")) {
                            counts.merge("REALISED:" + lab, n, Long::sum);
                        }
                        return null;
                    }).list();
            days.addAll(jdbc.sql("""
                    select days_to_answer from impact_participation_fact
                    where day between :from and :to and lab_id in (:labs) and days_to_answer is not null order by 1""")
                    .param("from", Date.valueOf(from)).param("to", Date.valueOf(to)).param("labs", ids)
                    .query(Integer.class).list());
        }
        List<String> columns = new ArrayList<>(labs.stream().map(LabView::name).toList());
        columns.add(totalLabel);

        List<String> kindRows = KINDS.stream().map(k -> "participation.kind." + k).toList();
        long[][] ideas = new long[KINDS.size()][ids.size()];
        for (int r = 0; r < KINDS.size(); r++) {
            for (int c = 0; c < ids.size(); c++) {
                ideas[r][c] = counts.getOrDefault("IDEA:" + KINDS.get(r) + ":" + ids.get(c), 0L);
            }
        }
        long[][] supports = new long[2][ids.size()];
        long[][] realised = new long[2][ids.size()];
        for (int c = 0; c < ids.size(); c++) {
            supports[0][c] = counts.getOrDefault("SUPPORT:ONLINE:" + ids.get(c), 0L);
            supports[1][c] = counts.getOrDefault("SUPPORT:IN_PERSON:" + ids.get(c), 0L);
            long proposed = 0;
            for (int r = 0; r < KINDS.size(); r++) {
                proposed += ideas[r][c];
            }
            long done = counts.getOrDefault("REALISED:" + ids.get(c), 0L);
            realised[0][c] = Math.min(done, proposed);
            realised[1][c] = proposed - realised[0][c];
        }
        List<Grid> grids = new ArrayList<>();
        grids.add(grid("ideas", columns, kindRows, ideas, true));
        grids.add(grid("supports", columns, List.of("participation.impact.supports.online", "participation.impact.supports.inPerson"),
                supports, true));
        grids.add(share(columns, realised));
        String median = days.size() < Suppression.MIN_CASES ? HIDDEN : String.valueOf(days.get(days.size() / 2));
        return new Figures(grids, median, days.size());
    }

    /** A table of parts with a total row and a total column, suppressed as one set of additive relations. */
    static Grid grid(String id, List<String> columns, List<String> rowKeys, long[][] parts, boolean totalRow) {
        return grid(id, columns, rowKeys, null, parts, totalRow);
    }

    /** The same, with rows labelled by names shown as they are ({@code literals}) instead of message keys. */
    static Grid grid(String id, List<String> columns, List<String> rowKeys, List<String> literals, long[][] parts,
            boolean totalRow) {
        int rows = parts.length;
        int labs = columns.size() - 1;
        int width = labs + 1;
        long[] values = new long[(rows + 1) * width];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < labs; c++) {
                values[r * width + c] = parts[r][c];
                values[r * width + labs] += parts[r][c];
                values[rows * width + c] += parts[r][c];
                values[rows * width + labs] += parts[r][c];
            }
        }
        List<Suppression.Relation> relations = new ArrayList<>();
        for (int r = 0; r <= rows; r++) {
            int[] members = new int[labs];
            for (int c = 0; c < labs; c++) {
                members[c] = r * width + c;
            }
            relations.add(new Suppression.Relation(r * width + labs, members));
        }
        for (int c = 0; c <= labs; c++) {
            int[] members = new int[rows];
            for (int r = 0; r < rows; r++) {
                members[r] = r * width + c;
            }
            relations.add(new Suppression.Relation(rows * width + c, members));
        }
        boolean[] hidden = Suppression.apply(values, relations);
        List<Row> result = new ArrayList<>();
        for (int r = 0; r <= rows; r++) {
            if (r == rows && !totalRow) {
                break;
            }
            List<String> cells = new ArrayList<>();
            for (int c = 0; c <= labs; c++) {
                int i = r * width + c;
                cells.add(hidden[i] ? HIDDEN : String.valueOf(values[i]));
            }
            result.add(r < rows
                    ? new Row(rowKeys.get(r), literals == null ? null : literals.get(r), cells)
                    : new Row("participation.impact.total", cells));
        }
        return new Grid(id, columns, result);
    }

    /** Realised ideas and their share of the ideas proposed; the unrealised part takes part in the suppression unseen. */
    private static Grid share(List<String> columns, long[][] realised) {
        Grid counts = grid("realised", columns, List.of("participation.impact.realised", "participation.impact.notRealised"),
                realised, true);
        List<String> shares = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            String yes = counts.rows().get(0).cells().get(c);
            String all = counts.rows().get(2).cells().get(c);
            if (HIDDEN.equals(yes) || HIDDEN.equals(all)) {
                shares.add(HIDDEN);
            } else {
                long total = Long.parseLong(all);
                shares.add(total == 0 ? "–" : Math.round(100.0 * Long.parseLong(yes) / total) + " %");
            }
        }
        return new Grid("realised", columns, List.of(counts.rows().get(0),
                new Row("participation.impact.proposed", counts.rows().get(2).cells()),
                new Row("participation.impact.share", shares)));
    }
}
