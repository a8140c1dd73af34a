package eu.impactlab.skills;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The funders' anonymous figures: finished self-checks by area and level, and the before/after change per course and
 * competence. A count of 1 to 4 is never shown; where one cell of a row is hidden, the next smallest is hidden too, so
 * it cannot be worked out from the row's total.
 */
@Component
class SkillsFigures {

    static final int MIN_CASES = 5;
    /** The end of a period that has none (this page counts up to now, whatever the clock says). */
    private static final Instant OPEN_END = Instant.parse("9999-01-01T00:00:00Z");

    private final JdbcClient jdbc;

    SkillsFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A count as shown: null when suppressed. */
    record Count(Long value) {
        public boolean hidden() {
            return value == null;
        }
    }

    record AreaRow(String area, List<Count> levels, long total) {
    }

    record ChangeRow(long courseId, String competence, long pairs, Double meanChange, Long improved) {
        public boolean hidden() {
            return pairs < MIN_CASES;
        }
    }

    private static final String COMPETENCE_MEANS = """
            select a.check_id, a.competence, avg(a.answer) as m from skills_answer a group by a.check_id, a.competence""";

    long finishedChecks(Instant from) {
        return jdbc.sql("select count(*) from skills_check where completed_at >= ? and mode <> 'COURSE'")
                .param(Timestamp.from(from)).query(Long.class).single();
    }

    List<AreaRow> areas(Instant from) {
        List<AreaRow> rows = new ArrayList<>();
        areaCounts(from, OPEN_END)
                .forEach((area, values) -> rows.add(new AreaRow(area, suppress(values), java.util.Arrays.stream(values).sum())));
        return rows;
    }

    /** Finished self-checks (not a course's before/after) per area and level, unsuppressed: {@code to} is exclusive. */
    Map<String, long[]> areaCounts(Instant from, Instant to) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        Framework.AREAS.forEach(a -> counts.put(a.code(), new long[Levels.MAX + 1]));
        jdbc.sql("with comp as (" + COMPETENCE_MEANS + """
                ), area as (
                    select comp.check_id, split_part(comp.competence, '.', 1) as area, avg(comp.m) as m
                    from comp join skills_check c on c.id = comp.check_id
                    where c.completed_at >= :from and c.completed_at < :to and c.mode <> 'COURSE'
                    group by comp.check_id, split_part(comp.competence, '.', 1))
                select area, case when m < 0.5 then 0 when m < 1.5 then 1 when m < 2.5 then 2 else 3 end as level, count(*) as n
                from area group by 1, 2""")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, i) -> {
                    long[] row = counts.get(rs.getString("area"));
                    if (row != null) {
                        row[rs.getInt("level")] = rs.getLong("n");
                    }
                    return null;
                }).list();
        return counts;
    }

    /** Primary suppression of 1 … 4, and a second cell where only one would be hidden. */
    static List<Count> suppress(long[] values) {
        boolean[] hidden = new boolean[values.length];
        int hiddenCount = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] > 0 && values[i] < MIN_CASES) {
                hidden[i] = true;
                hiddenCount++;
            }
        }
        if (hiddenCount == 1) {
            int smallest = -1;
            for (int i = 0; i < values.length; i++) {
                if (!hidden[i] && values[i] > 0 && (smallest < 0 || values[i] < values[smallest])) {
                    smallest = i;
                }
            }
            if (smallest >= 0) {
                hidden[smallest] = true;
            }
        }
        List<Count> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            out.add(new Count(hidden[i] ? null : values[i]));
        }
        return out;
    }

    List<ChangeRow> changes(Instant from) {
        return changes(from, OPEN_END, false);
    }

    /** The before/after pairs per course and competence whose after-check was finished in the period; {@code to} is exclusive. */
    List<ChangeRow> changes(Instant from, Instant to, boolean unsuppressed) {
        return jdbc.sql("with comp as (" + COMPETENCE_MEANS + """
                ), phase as (
                    select c.pair_key, c.course_id, c.phase, comp.competence, comp.m
                    from skills_check c join comp on comp.check_id = c.id
                    where c.mode = 'COURSE' and c.completed_at is not null)
                select b.course_id, b.competence, count(*) as pairs, avg(a.m - b.m) as change,
                    sum(case when (case when a.m < 0.5 then 0 when a.m < 1.5 then 1 when a.m < 2.5 then 2 else 3 end)
                                > (case when b.m < 0.5 then 0 when b.m < 1.5 then 1 when b.m < 2.5 then 2 else 3 end)
                        then 1 else 0 end) as improved
                from phase b join phase a on a.pair_key = b.pair_key and a.competence = b.competence and a.phase = 'AFTER'
                join skills_check done on done.pair_key = a.pair_key and done.phase = 'AFTER'
                where b.phase = 'BEFORE' and done.completed_at >= :from and done.completed_at < :to
                group by b.course_id, b.competence order by b.course_id, b.competence""")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, i) -> {
                    long pairs = rs.getLong("pairs");
                    boolean shown = unsuppressed || pairs >= MIN_CASES;
                    return new ChangeRow(rs.getLong("course_id"), rs.getString("competence"), pairs,
                            shown ? rs.getDouble("change") : null, shown ? rs.getLong("improved") : null);
                }).list();
    }
}
