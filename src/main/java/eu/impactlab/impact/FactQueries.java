package eu.impactlab.impact;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The aggregate queries: one pass over the facts gives the total, the breakdown, the trend and the districts
 * (GROUPING SETS); a breakdown by a multi-valued dimension unnests its values in a second query.
 */
@Repository
class FactQueries {

    /** Raw counts of one group, by {@link Measure} ordinal, and the median waiting time at the queue. */
    record Counts(long[] values, Double medianWait) {

        static Counts empty() {
            return new Counts(new long[Measure.COUNT], null);
        }

        long get(Measure measure) {
            return values[measure.ordinal()];
        }
    }

    record Result(Counts total, Map<String, Counts> breakdown, Map<String, Counts> trend, Map<String, Counts> districts) {
    }

    private static final String CONSULTATION = "f.activity in ('APPOINTMENT', 'WALK_IN', 'SHORT_HELP')";

    private static final String AGGREGATES = """
            coalesce(sum(f.cases) filter (where f.activity = 'APPOINTMENT'), 0) as appointments,
            coalesce(sum(f.cases) filter (where f.activity = 'WALK_IN'), 0) as walk_ins,
            coalesce(sum(f.cases) filter (where f.activity = 'SHORT_HELP'), 0) as short_help,
            coalesce(sum(f.cases) filter (where f.activity = 'BOOKING'), 0) as bookings,
            coalesce(sum(f.cases) filter (where f.activity = 'CANCELLATION'), 0) as cancellations,
            coalesce(sum(f.cases) filter (where f.activity = 'NO_SHOW'), 0) as no_shows,
            coalesce(sum(f.cases) filter (where CONS and f.result = 'SOLVED'), 0) as solved,
            coalesce(sum(f.cases) filter (where CONS and f.referral is not null and f.referral <> 'NONE'), 0) as referrals,
            coalesce(sum(f.cases) filter (where CONS and f.first_visit = 'YES'), 0) as first_visits,
            coalesce(sum(f.cases) filter (where CONS and f.language is not null), 0) as with_language,
            coalesce(sum(f.cases) filter (where CONS and f.language is not null and f.language <> 'de'), 0) as other_language,
            coalesce(sum(f.cases) filter (where f.activity = 'COURSE_REGISTRATION'), 0) as registrations,
            coalesce(sum(f.cases) filter (where f.activity = 'COURSE_ATTENDANCE'), 0) as attendance,
            coalesce(sum(f.cases) filter (where f.activity = 'COURSE_COMPLETION'), 0) as completions,
            coalesce(sum(f.cases) filter (where f.activity = 'COURSE_REGISTRATION' and f.technical), 0) as technical,
            coalesce(sum(f.cases) filter (where f.activity = 'COURSE_REGISTRATION' and f.technical and f.gender = 'FEMALE'), 0) as technical_women,
            coalesce(sum(f.cases) filter (where f.activity = 'QUEUE_SERVED'), 0) as queue_served,
            percentile_cont(0.5) within group (order by f.waiting_minutes) filter (where f.activity = 'QUEUE_SERVED') as median_wait,
            coalesce(sum(f.cases) filter (where f.activity = 'FEEDBACK' and f.score = 1), 0) as score_1,
            coalesce(sum(f.cases) filter (where f.activity = 'FEEDBACK' and f.score = 2), 0) as score_2,
            coalesce(sum(f.cases) filter (where f.activity = 'FEEDBACK' and f.score = 3), 0) as score_3,
            coalesce(sum(f.cases) filter (where f.activity = 'FEEDBACK' and f.score = 4), 0) as score_4,
            coalesce(sum(f.cases) filter (where f.activity = 'FEEDBACK' and f.score = 5), 0) as score_5
            """.replace("CONS", CONSULTATION);

    private final JdbcTemplate jdbc;

    FactQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Runs inside the caller's read-only transaction, so the larger sort memory applies to these queries only. */
    Result run(Filter filter, Dimension by, Dimension period) {
        jdbc.execute("set local work_mem = '64MB'");
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        Map<String, Counts> breakdown = new LinkedHashMap<>();
        Map<String, Counts> trend = new LinkedHashMap<>();
        Map<String, Counts> districts = new LinkedHashMap<>();
        Counts[] total = {Counts.empty()};
        String byKey = by.multiValued() ? "null::text" : by.sql();
        String sql = "select grouping(" + byKey + ") as g_by, grouping(" + period.sql() + ") as g_period, "
                + "grouping(f.stadtteil) as g_district, " + byKey + " as k_by, " + period.sql() + " as k_period, "
                + "f.stadtteil as k_district, " + AGGREGATES + " from impact_fact f where " + where
                + " group by grouping sets ((" + byKey + "), (" + period.sql() + "), (f.stadtteil), ())";
        jdbc.query(sql, rs -> {
            Counts counts = counts(rs);
            if (rs.getInt("g_by") == 0) {
                breakdown.put(rs.getString("k_by"), counts);
            } else if (rs.getInt("g_period") == 0) {
                trend.put(rs.getString("k_period"), counts);
            } else if (rs.getInt("g_district") == 0) {
                districts.put(rs.getString("k_district"), counts);
            } else {
                total[0] = counts;
            }
        }, params.toArray());
        if (by.multiValued()) {
            breakdown.clear();
            jdbc.query("select " + by.sql() + " as k, " + AGGREGATES + " from impact_fact f" + by.unnest() + " where "
                    + where + " group by 1", rs -> {
                        breakdown.put(rs.getString("k"), counts(rs));
                    }, params.toArray());
        }
        return new Result(total[0], breakdown, trend, districts);
    }

    /** Cases per lab id and activity in a period, for the open data feed. */
    Map<String, Map<String, Long>> perLabAndActivity(java.time.LocalDate from, java.time.LocalDate to) {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        jdbc.query("select lab_id::text as lab, activity, sum(cases) as n from impact_fact where day between ? and ? "
                + "group by 1, 2", rs -> {
                    counts.computeIfAbsent(rs.getString("lab"), k -> new LinkedHashMap<>())
                            .put(rs.getString("activity"), rs.getLong("n"));
                }, from, to);
        return counts;
    }

    private static String where(Filter filter, List<Object> params) {
        StringBuilder where = new StringBuilder("f.day between ? and ?");
        params.add(filter.from());
        params.add(filter.to());
        where.append(" and f.lab_id in (");
        for (int i = 0; i < filter.labs().size(); i++) {
            where.append(i == 0 ? "?" : ", ?");
            params.add(filter.labs().get(i));
        }
        if (filter.labs().isEmpty()) {
            where.append("null");
        }
        where.append(")");
        add(where, params, "f.activity = ?", filter.activity());
        add(where, params, "f.topics @> array[?]::varchar[]", filter.topic());
        add(where, params, "f.target_groups @> array[?]::varchar[]", filter.targetGroup());
        add(where, params, "f.language = ?", filter.language());
        add(where, params, "f.age_band = ?", filter.ageBand());
        add(where, params, "f.gender = ?", filter.gender());
        return where.toString();
    }

    private static void add(StringBuilder where, List<Object> params, String condition, String value) {
        if (value != null) {
            where.append(" and ").append(condition);
            params.add(value);
        }
    }

    private static Counts counts(ResultSet rs) throws SQLException {
        long[] v = new long[Measure.COUNT];
        set(v, Measure.APPOINTMENTS, rs.getLong("appointments"));
        set(v, Measure.WALK_INS, rs.getLong("walk_ins"));
        set(v, Measure.SHORT_HELP, rs.getLong("short_help"));
        long consultations = v[Measure.APPOINTMENTS.ordinal()] + v[Measure.WALK_INS.ordinal()] + v[Measure.SHORT_HELP.ordinal()];
        set(v, Measure.CONSULTATIONS, consultations);
        set(v, Measure.BOOKINGS, rs.getLong("bookings"));
        set(v, Measure.CANCELLATIONS, rs.getLong("cancellations"));
        set(v, Measure.NO_SHOWS, rs.getLong("no_shows"));
        set(v, Measure.SOLVED, rs.getLong("solved"));
        set(v, Measure.NOT_SOLVED, consultations - rs.getLong("solved"));
        set(v, Measure.REFERRALS, rs.getLong("referrals"));
        set(v, Measure.NO_REFERRAL, consultations - rs.getLong("referrals"));
        set(v, Measure.FIRST_VISITS, rs.getLong("first_visits"));
        set(v, Measure.OTHER_VISITS, consultations - rs.getLong("first_visits"));
        set(v, Measure.WITH_LANGUAGE, rs.getLong("with_language"));
        set(v, Measure.OTHER_LANGUAGE, rs.getLong("other_language"));
        set(v, Measure.GERMAN, rs.getLong("with_language") - rs.getLong("other_language"));
        set(v, Measure.REGISTRATIONS, rs.getLong("registrations"));
        set(v, Measure.PEOPLE, consultations + rs.getLong("registrations"));
        set(v, Measure.ATTENDANCE, rs.getLong("attendance"));
        set(v, Measure.COMPLETIONS, rs.getLong("completions"));
        set(v, Measure.TECHNICAL, rs.getLong("technical"));
        set(v, Measure.TECHNICAL_WOMEN, rs.getLong("technical_women"));
        set(v, Measure.TECHNICAL_OTHERS, rs.getLong("technical") - rs.getLong("technical_women"));
        set(v, Measure.QUEUE_SERVED, rs.getLong("queue_served"));
        long feedback = 0;
        for (int score = 1; score <= 5; score++) {
            long n = rs.getLong("score_" + score);
            set(v, Measure.SCORES.get(score - 1), n);
            feedback += n;
        }
        set(v, Measure.FEEDBACK, feedback);
        double median = rs.getDouble("median_wait");
        return new Counts(v, rs.wasNull() ? null : median);
    }

    private static void set(long[] values, Measure measure, long value) {
        values[measure.ordinal()] = value;
    }
}
