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
            array_agg(f.waiting_minutes) filter (where f.activity = 'QUEUE_SERVED' and f.waiting_minutes is not null) as waits,
            coalesce(sum(f.cases) filter (where f.activity = 'FEEDBACK' and f.score = 1), 0) as score_1,
            coalesce(sum(f.cases) filter (where f.activity = 'FEEDBACK' and f.score = 2), 0) as score_2,
            coalesce(sum(f.cases) filter (where f.activity = 'FEEDBACK' and f.score = 3), 0) as score_3,
            coalesce(sum(f.cases) filter (where f.activity = 'FEEDBACK' and f.score = 4), 0) as score_4,
            coalesce(sum(f.cases) filter (where f.activity = 'FEEDBACK' and f.score = 5), 0) as score_5
            """.replace("CONS", CONSULTATION);

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FactQueries.class);

    private final JdbcTemplate jdbc;
    private final ReportingDatabase reporting;

    FactQueries(ReportingDatabase reporting) {
        this.jdbc = reporting.jdbcTemplate();
        this.reporting = reporting;
    }

    /**
     * The figures of a question. Without a filter on a fact attribute (activity, topic, ...) they come from the rollup
     * ({@code impact_rollup}, V18): whole months from monthly rows, the days around them from daily rows, so ten
     * years are a few thousand rows. With such a filter they come from the facts.
     */
    Result run(Filter filter, Dimension by, Dimension period) {
        return reporting.read(() -> {
            if (!filter.narrowed()) {
                return fromRollup(filter, by, period);
            }
            return filteredRollupAnswers(filter, by, period) ? fromFilteredRollup(filter, by, period)
                    : fromFacts(filter, by, period);
        });
    }

    /** One attribute filter, at least one whole month, and no weeks (which months cannot give). */
    private static boolean filteredRollupAnswers(Filter filter, Dimension by, Dimension period) {
        return FilterRows.of(filter).isPresent() && !wholeMonths(filter).isEmpty() && by != Dimension.WEEK
                && period != Dimension.WEEK;
    }

    /** Runs inside the caller's read-only transaction, so the larger sort memory applies to these queries only. */
    Result fromFacts(Filter filter, Dimension by, Dimension period) {
        jdbc.execute("set local work_mem = '64MB'");
        return result(factSums(filter, by, period));
    }

    /** The sums of the facts of a question per part (T total, B breakdown, P trend, D districts) and key. */
    private Map<String, Map<String, Sums>> factSums(Filter filter, Dimension by, Dimension period) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        Map<String, Map<String, Sums>> parts = parts();
        String byKey = by.multiValued() ? "null::text" : by.sql();
        String sql = "select grouping(" + byKey + ") as g_by, grouping(" + period.sql() + ") as g_period, "
                + "grouping(f.stadtteil) as g_district, " + byKey + " as k_by, " + period.sql() + " as k_period, "
                + "f.stadtteil as k_district, " + AGGREGATES + " from impact_fact f where " + where
                + " group by grouping sets ((" + byKey + "), (" + period.sql() + "), (f.stadtteil), ())";
        debug(sql, params);
        jdbc.query(sql, rs -> {
            Sums sums = Sums.ofMinutes(rs);
            if (rs.getInt("g_by") == 0) {
                parts.get("B").put(rs.getString("k_by"), sums);
            } else if (rs.getInt("g_period") == 0) {
                parts.get("P").put(rs.getString("k_period"), sums);
            } else if (rs.getInt("g_district") == 0) {
                parts.get("D").put(rs.getString("k_district"), sums);
            } else {
                parts.get("T").put(null, sums);
            }
        }, params.toArray());
        if (by.multiValued()) {
            parts.get("B").clear();
            jdbc.query("select " + by.sql() + " as k, " + AGGREGATES + " from impact_fact f" + by.unnest() + " where "
                    + where + " group by 1", rs -> {
                        parts.get("B").put(rs.getString("k"), Sums.ofMinutes(rs));
                    }, params.toArray());
        }
        return parts;
    }

    private static Map<String, Map<String, Sums>> parts() {
        Map<String, Map<String, Sums>> parts = new LinkedHashMap<>();
        for (String tag : List.of("T", "B", "P", "D")) {
            parts.put(tag, new LinkedHashMap<>());
        }
        return parts;
    }

    private static Result result(Map<String, Map<String, Sums>> parts) {
        Counts total = parts.get("T").values().stream().findFirst().map(Sums::counts).orElseGet(Counts::empty);
        return new Result(total, counts(parts.get("B")), counts(parts.get("P")), counts(parts.get("D")));
    }

    private static Map<String, Counts> counts(Map<String, Sums> sums) {
        Map<String, Counts> counts = new LinkedHashMap<>();
        sums.forEach((key, value) -> counts.put(key, value.counts()));
        return counts;
    }

    /** Additive sums of a group: the rollup's measure columns and the waiting minutes as a histogram. */
    private static final class Sums {
        final long[] columns = new long[ROLLUP_COLUMNS.size()];
        final java.util.SortedMap<Integer, Long> waits = new java.util.TreeMap<>();

        /** A row of the facts query: its waits are the minutes of each ticket. */
        static Sums ofMinutes(ResultSet rs) throws SQLException {
            Sums sums = columns(rs);
            java.sql.Array minutes = rs.getArray("waits");
            if (minutes != null) {
                for (Integer m : (Integer[]) minutes.getArray()) {
                    sums.waits.merge(m, 1L, Long::sum);
                }
            }
            return sums;
        }

        /** A row of a rollup query: its waits are a histogram. */
        static Sums ofHistogram(ResultSet rs) throws SQLException {
            Sums sums = columns(rs);
            java.sql.Array histogram = rs.getArray("waits");
            if (histogram != null) {
                histogram((Integer[]) histogram.getArray()).forEach((m, n) -> sums.waits.merge(m, n, Long::sum));
            }
            return sums;
        }

        private static Sums columns(ResultSet rs) throws SQLException {
            Sums sums = new Sums();
            for (int i = 0; i < sums.columns.length; i++) {
                sums.columns[i] = rs.getLong(ROLLUP_COLUMNS.get(i));
            }
            return sums;
        }

        Sums plus(Sums other) {
            Sums sum = new Sums();
            for (int i = 0; i < columns.length; i++) {
                sum.columns[i] = columns[i] + other.columns[i];
            }
            sum.waits.putAll(waits);
            other.waits.forEach((m, n) -> sum.waits.merge(m, n, Long::sum));
            return sum;
        }

        Counts counts() {
            return FactQueries.counts(name -> columns[ROLLUP_COLUMNS.indexOf(name)], median(waits));
        }
    }

    /** Only the total of a question, from the facts (for what a language filter leaves out). */
    Counts total(Filter filter) {
        return reporting.read(() -> {
            if (filteredRollupAnswers(filter, Dimension.YEAR, Dimension.YEAR)) {
                return fromFilteredRollup(filter, Dimension.YEAR, Dimension.YEAR).total();
            }
            List<Object> params = new ArrayList<>();
            String sql = "select " + AGGREGATES + " from impact_fact f where " + where(filter, params);
            debug(sql, params);
            List<Counts> total = jdbc.query(sql, (rs, n) -> counts(rs, median(rs)), params.toArray());
            return total.isEmpty() ? Counts.empty() : total.get(0);
        });
    }

    /** The rollup's measure columns, in the order of {@link #AGGREGATES} (and of {@code RollupRebuild}'s sums). */
    static final List<String> ROLLUP_COLUMNS = List.of("appointments", "walk_ins", "short_help", "bookings",
            "cancellations", "no_shows", "solved", "referrals", "first_visits", "with_language", "other_language",
            "registrations", "attendance", "completions", "technical", "technical_women", "queue_served", "score_1",
            "score_2", "score_3", "score_4", "score_5");

    private static final String ROLLUP_SUMS = ROLLUP_COLUMNS.stream()
            .map(c -> "coalesce(sum(r." + c + "), 0) as " + c).collect(java.util.stream.Collectors.joining(", "));

    /** One part of the answer: which rollup rows (dimension), keyed how, and whether months may stand for days. */
    private record Part(String tag, String dim, String key, boolean daysOnly) {

        static Part of(String tag, Dimension dimension) {
            return switch (dimension) {
                case LAB -> new Part(tag, "", "r.lab_id::text", false);
                case WEEK, MONTH, QUARTER, YEAR -> new Part(tag, "",
                        "date_trunc('" + dimension.param() + "', r.day)::date::text", dimension == Dimension.WEEK);
                default -> new Part(tag, dimension.param(), "r.value", false);
            };
        }
    }

    Result fromRollup(Filter filter, Dimension by, Dimension period) {
        // As in the facts query: when the breakdown is the period or the Stadtteil, it is the trend or the districts
        // too (ImpactService takes it from the breakdown), and that part stays empty.
        List<Part> parts = new ArrayList<>(List.of(new Part("T", "", null, false), Part.of("B", by)));
        if (by != period) {
            parts.add(Part.of("P", period));
        }
        if (by != Dimension.STADTTEIL) {
            parts.add(Part.of("D", Dimension.STADTTEIL));
        }
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder();
        for (Part part : parts) {
            sql.append(sql.isEmpty() ? "" : " union all ").append("select '").append(part.tag()).append("' as part, ")
                    .append(part.key() == null ? "null::text" : part.key()).append(" as k, ").append(ROLLUP_SUMS)
                    .append(", impact_hist_sum(r.waits) as waits from impact_rollup r where ")
                    .append(rollupWhere(filter, part, params)).append(part.key() == null ? "" : " group by 2");
        }
        debug(sql.toString(), params);
        Map<String, Map<String, Counts>> answers = new LinkedHashMap<>();
        parts.forEach(part -> answers.put(part.tag(), new LinkedHashMap<>()));
        jdbc.query(sql.toString(), rs -> {
            String part = rs.getString("part");
            String key = rs.getString("k");
            java.sql.Array waits = rs.getArray("waits");
            answers.get(part).put(key, counts(rs, waits == null ? null : median(histogram((Integer[]) waits.getArray()))));
        }, params.toArray());
        Counts total = answers.get("T").values().stream().findFirst().orElseGet(Counts::empty);
        return new Result(total, answers.get("B"), answers.getOrDefault("P", new LinkedHashMap<>()),
                answers.getOrDefault("D", new LinkedHashMap<>()));
    }

    /** The filter of a question as rows of impact_rollup_filtered: the attribute and the values that match it. */
    record FilterRows(String attribute, List<String> values, boolean except) {

        static java.util.Optional<FilterRows> of(Filter filter) {
            List<FilterRows> set = new ArrayList<>();
            if (filter.activity() != null) {
                set.add(new FilterRows("activity", List.of(filter.activity()), false));
            }
            if (filter.topic() != null) {
                set.add(new FilterRows("topic", List.of(filter.topic()), false));
            }
            if (filter.targetGroup() != null) {
                set.add(new FilterRows("targetGroup", List.of(filter.targetGroup()), false));
            }
            if (filter.ageBand() != null) {
                set.add(new FilterRows("ageBand", List.of(filter.ageBand()), false));
            }
            if (filter.gender() != null) {
                set.add(new FilterRows("gender", List.of(filter.gender()), false));
            }
            if (filter.language() != null) {
                // "Not German" is every recorded language but German; "none" is the rollup's '-'.
                set.add(Filter.NOT_GERMAN.equals(filter.language())
                        ? new FilterRows("language", List.of("de", "-"), true)
                        : new FilterRows("language", List.of(Filter.NO_LANGUAGE.equals(filter.language()) ? "-"
                                : filter.language()), false));
            }
            // The table holds one attribute per row: two filters at once are answered from the facts.
            return set.size() == 1 ? java.util.Optional.of(set.get(0)) : java.util.Optional.empty();
        }
    }

    /** The whole months of a question's period: [first day of the first, first day after the last), or empty. */
    private static List<java.time.LocalDate> wholeMonths(Filter filter) {
        java.time.LocalDate from = filter.from();
        java.time.LocalDate monthsFrom = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        java.time.LocalDate monthsTo = filter.to().plusDays(1).withDayOfMonth(1);
        return monthsFrom.isBefore(monthsTo) ? List.of(monthsFrom, monthsTo) : List.of();
    }

    /**
     * A question with one attribute filter: its whole months from impact_rollup_filtered (V51), the days before and
     * after them from the facts, added up before the medians are taken. Not for weeks, which months cannot give.
     */
    Result fromFilteredRollup(Filter filter, Dimension by, Dimension period) {
        FilterRows rows = FilterRows.of(filter).orElseThrow();
        List<java.time.LocalDate> months = wholeMonths(filter);
        List<Part> wanted = new ArrayList<>(List.of(new Part("T", "", null, false), Part.of("B", by)));
        if (by != period) {
            wanted.add(Part.of("P", period));
        }
        if (by != Dimension.STADTTEIL) {
            wanted.add(Part.of("D", Dimension.STADTTEIL));
        }
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder();
        for (Part part : wanted) {
            sql.append(sql.isEmpty() ? "" : " union all ").append("select '").append(part.tag()).append("' as part, ")
                    .append(part.key() == null ? "null::text" : part.key()).append(" as k, ").append(ROLLUP_SUMS)
                    .append(", impact_hist_sum(r.waits) as waits from impact_rollup_filtered r where r.fdim = ?")
                    .append(rows.except() ? " and r.fvalue not in (" : " and r.fvalue in (").append(String.join(", ", java.util.Collections.nCopies(rows.values().size(), "?")))
                    .append(") and r.dim = ? and r.day >= ? and r.day < ? and r.lab_id in (")
                    .append(filter.labs().isEmpty() ? "null"
                            : String.join(", ", java.util.Collections.nCopies(filter.labs().size(), "?")))
                    .append(")").append(part.key() == null ? "" : " group by 2");
            params.add(rows.attribute());
            params.addAll(rows.values());
            params.add(part.dim());
            params.add(months.get(0));
            params.add(months.get(1));
            params.addAll(filter.labs());
        }
        debug(sql.toString(), params);
        Map<String, Map<String, Sums>> parts = parts();
        jdbc.query(sql.toString(), rs -> {
            parts.get(rs.getString("part")).merge(rs.getString("k"), Sums.ofHistogram(rs), Sums::plus);
        }, params.toArray());
        jdbc.execute("set local work_mem = '64MB'");
        if (filter.from().isBefore(months.get(0))) {
            add(parts, factSums(filter.during(filter.from(), months.get(0).minusDays(1)), by, period));
        }
        if (!filter.to().isBefore(months.get(1))) {
            add(parts, factSums(filter.during(months.get(1), filter.to()), by, period));
        }
        return result(parts);
    }

    private static void add(Map<String, Map<String, Sums>> into, Map<String, Map<String, Sums>> more) {
        more.forEach((tag, sums) -> sums.forEach((key, value) -> into.get(tag).merge(key, value, Sums::plus)));
    }

    /** The rollup rows of a part: its dimension, the labs, and the period as whole months plus the days around them. */
    private static String rollupWhere(Filter filter, Part part, List<Object> params) {
        StringBuilder where = new StringBuilder("r.dim = ?");
        params.add(part.dim());
        java.time.LocalDate from = filter.from();
        java.time.LocalDate to = filter.to();
        java.time.LocalDate monthsFrom = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        java.time.LocalDate monthsTo = to.plusDays(1).withDayOfMonth(1); // exclusive
        if (part.daysOnly() || !monthsFrom.isBefore(monthsTo)) {
            where.append(" and r.grain = 'D' and r.day between ? and ?");
            params.add(from);
            params.add(to);
        } else {
            where.append(" and ((r.grain = 'M' and r.day >= ? and r.day < ?)"
                    + " or (r.grain = 'D' and (r.day between ? and ? or r.day between ? and ?)))");
            params.addAll(List.of(monthsFrom, monthsTo, from, monthsFrom.minusDays(1), monthsTo, to));
        }
        where.append(" and r.lab_id in (");
        for (int i = 0; i < filter.labs().size(); i++) {
            where.append(i == 0 ? "?" : ", ?");
            params.add(filter.labs().get(i));
        }
        return where.append(filter.labs().isEmpty() ? "null)" : ")").toString();
    }

    /**
     * Logs a query with its parameters written in (dates, lab ids and values from fixed lists, nothing personal), at
     * debug level, so bench/impact.sh can time the bare SQL of a dashboard request with psql.
     */
    private static void debug(String sql, List<Object> params) {
        if (log.isDebugEnabled()) {
            StringBuilder inlined = new StringBuilder();
            int param = 0;
            for (char c : sql.toCharArray()) {
                if (c == '?' && param < params.size()) {
                    Object value = params.get(param++);
                    inlined.append(value instanceof Number ? value.toString()
                            : "'" + String.valueOf(value).replace("'", "''") + "'");
                } else {
                    inlined.append(c == '\n' ? ' ' : c);
                }
            }
            log.debug("impact query: {}", inlined);
        }
    }

    /** The rollup's histogram (index = minutes) as minutes → tickets. */
    static java.util.SortedMap<Integer, Long> histogram(Integer[] counts) {
        java.util.SortedMap<Integer, Long> histogram = new java.util.TreeMap<>();
        for (int minutes = 0; minutes < counts.length; minutes++) {
            if (counts[minutes] != null && counts[minutes] != 0) {
                histogram.put(minutes, counts[minutes].longValue());
            }
        }
        return histogram;
    }

    /** percentile_cont(0.5) over a histogram of waiting minutes, computed as PostgreSQL does (linear interpolation). */
    static Double median(java.util.SortedMap<Integer, Long> histogram) {
        long rows = histogram.values().stream().mapToLong(Long::longValue).sum();
        if (rows <= 0) {
            return null;
        }
        double position = 0.5 * (rows - 1);
        long first = (long) Math.floor(position);
        long second = (long) Math.ceil(position);
        Integer firstValue = null;
        Integer secondValue = null;
        long seen = 0;
        for (Map.Entry<Integer, Long> entry : histogram.entrySet()) {
            long next = seen + entry.getValue();
            if (firstValue == null && first < next) {
                firstValue = entry.getKey();
            }
            if (second < next) {
                secondValue = entry.getKey();
                break;
            }
            seen = next;
        }
        if (first == second) {
            return (double) firstValue;
        }
        double proportion = position - first;
        return firstValue + (secondValue - (double) firstValue) * proportion;
    }

    /** Cases per lab id and activity in a period, for the open data feed. */
    Map<String, Map<String, Long>> perLabAndActivity(java.time.LocalDate from, java.time.LocalDate to) {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        reporting.read(() -> {
            jdbc.query("select lab_id::text as lab, activity, sum(cases) as n from impact_fact where day between ? and ? "
                    + "group by 1, 2", rs -> {
                        counts.computeIfAbsent(rs.getString("lab"), k -> new LinkedHashMap<>())
                                .put(rs.getString("activity"), rs.getLong("n"));
                    }, from, to);
            return counts;
        });
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
        if (Filter.NOT_GERMAN.equals(filter.language())) {
            where.append(" and f.language is not null and f.language <> 'de'");
        } else if (Filter.NO_LANGUAGE.equals(filter.language())) {
            where.append(" and f.language is null");
        } else {
            add(where, params, "f.language = ?", filter.language());
        }
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

    /**
     * The median of the group's waiting minutes, as {@code percentile_cont(0.5)} gives it. The query collects the
     * minutes with {@code array_agg} instead of asking PostgreSQL for the percentile: an ordered-set aggregate makes it
     * sort all rows once per grouping set, while plain aggregates let it hash every grouping set in one pass.
     */
    private static Double median(ResultSet rs) throws SQLException {
        java.sql.Array waits = rs.getArray("waits");
        if (waits == null) {
            return null;
        }
        java.util.SortedMap<Integer, Long> histogram = new java.util.TreeMap<>();
        for (Integer minutes : (Integer[]) waits.getArray()) {
            histogram.merge(minutes, 1L, Long::sum);
        }
        return median(histogram);
    }

    private static Counts counts(ResultSet rs, Double median) throws SQLException {
        Map<String, Long> columns = new java.util.HashMap<>();
        for (String column : ROLLUP_COLUMNS) {
            columns.put(column, rs.getLong(column));
        }
        return counts(columns::get, median);
    }

    private static Counts counts(java.util.function.ToLongFunction<String> rs, Double median) {
        long[] v = new long[Measure.COUNT];
        set(v, Measure.APPOINTMENTS, rs.applyAsLong("appointments"));
        set(v, Measure.WALK_INS, rs.applyAsLong("walk_ins"));
        set(v, Measure.SHORT_HELP, rs.applyAsLong("short_help"));
        long consultations = v[Measure.APPOINTMENTS.ordinal()] + v[Measure.WALK_INS.ordinal()] + v[Measure.SHORT_HELP.ordinal()];
        set(v, Measure.CONSULTATIONS, consultations);
        set(v, Measure.BOOKINGS, rs.applyAsLong("bookings"));
        set(v, Measure.CANCELLATIONS, rs.applyAsLong("cancellations"));
        set(v, Measure.NO_SHOWS, rs.applyAsLong("no_shows"));
        set(v, Measure.SOLVED, rs.applyAsLong("solved"));
        set(v, Measure.NOT_SOLVED, consultations - rs.applyAsLong("solved"));
        set(v, Measure.REFERRALS, rs.applyAsLong("referrals"));
        set(v, Measure.NO_REFERRAL, consultations - rs.applyAsLong("referrals"));
        set(v, Measure.FIRST_VISITS, rs.applyAsLong("first_visits"));
        set(v, Measure.OTHER_VISITS, consultations - rs.applyAsLong("first_visits"));
        set(v, Measure.WITH_LANGUAGE, rs.applyAsLong("with_language"));
        set(v, Measure.OTHER_LANGUAGE, rs.applyAsLong("other_language"));
        set(v, Measure.GERMAN, rs.applyAsLong("with_language") - rs.applyAsLong("other_language"));
        set(v, Measure.REGISTRATIONS, rs.applyAsLong("registrations"));
        set(v, Measure.PEOPLE, consultations + rs.applyAsLong("registrations"));
        set(v, Measure.ATTENDANCE, rs.applyAsLong("attendance"));
        set(v, Measure.COMPLETIONS, rs.applyAsLong("completions"));
        set(v, Measure.TECHNICAL, rs.applyAsLong("technical"));
        set(v, Measure.TECHNICAL_WOMEN, rs.applyAsLong("technical_women"));
        set(v, Measure.TECHNICAL_OTHERS, rs.applyAsLong("technical") - rs.applyAsLong("technical_women"));
        set(v, Measure.QUEUE_SERVED, rs.applyAsLong("queue_served"));
        long feedback = 0;
        for (int score = 1; score <= 5; score++) {
            long n = rs.applyAsLong("score_" + score);
            set(v, Measure.SCORES.get(score - 1), n);
            feedback += n;
        }
        set(v, Measure.FEEDBACK, feedback);
        return new Counts(v, median);
    }

    private static void set(long[] values, Measure measure, long value) {
        values[measure.ordinal()] = value;
    }
}
