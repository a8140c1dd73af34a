package eu.impactlab.impact;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Recomputes {@code impact_rollup} (V18) and {@code impact_rollup_filtered} (V51) from {@code impact_fact}, with the
 * very sums of the SQL function {@code impact_rollup_rebuild()}, but adds them up in the JVM: PostgreSQL needed many
 * minutes for two million facts (about 110 million fact × filter × dimension rows, each through 22 FILTER sums),
 * this reads the facts once and adds each into a few arrays (bench/README.md, "Loading 2,000,000 facts").
 *
 * <p>It runs inside the caller's transaction (a bulk load, a test), so nobody sees the tables half rebuilt.
 */
@Component
class RollupRebuild {

    private static final Logger log = LoggerFactory.getLogger(RollupRebuild.class);

    private static final String SUMS = "facts, " + String.join(", ", FactQueries.ROLLUP_COLUMNS) + ", waits";
    private static final String COPY_ROLLUP = "copy impact_rollup (dim, grain, day, lab_id, value, " + SUMS
            + ") from stdin";
    private static final String COPY_FILTERED = "copy impact_rollup_filtered (fdim, fvalue, dim, day, lab_id, value, "
            + SUMS + ") from stdin";
    private static final String FACTS = """
            select day, lab_id, activity, topics, target_groups, language, age_band, gender, stadtteil, stadtbezirk,
                   first_visit, result, referral, technical, score, waiting_minutes, cases
              from impact_fact order by day""";

    private final JdbcTemplate jdbc;

    RollupRebuild(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Rebuilds both tables on the connection of the current transaction; there must be one. */
    void rebuild() {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            rebuild(connection);
            return null;
        });
    }

    private void rebuild(Connection connection) throws SQLException {
        // A cursor (fetch size) only streams inside a transaction; without one the driver would read all facts at once.
        if (connection.getAutoCommit()) {
            throw new IllegalStateException("The rollup rebuild runs inside a transaction");
        }
        long started = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            // First, so that a fact inserted meanwhile either is in the snapshot read below or waits for this lock in
            // its rollup trigger and adds itself after the rebuild commits.
            statement.execute("truncate impact_rollup, impact_rollup_filtered");
        }
        // Without their primary keys while the rows go in: one sorted index build afterwards costs far less than
        // keeping the index for every row (DemoFacts does the same with the facts' indexes).
        List<String> addKeys = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            List<String> dropKeys = new ArrayList<>();
            try (ResultSet keys = statement.executeQuery("""
                    select conrelid::regclass::text, conname, pg_get_constraintdef(oid) from pg_constraint
                    where contype = 'p'
                      and conrelid in ('impact_rollup'::regclass, 'impact_rollup_filtered'::regclass)""")) {
                while (keys.next()) {
                    dropKeys.add("alter table " + keys.getString(1) + " drop constraint " + keys.getString(2));
                    addKeys.add("alter table " + keys.getString(1) + " add constraint " + keys.getString(2) + " "
                            + keys.getString(3));
                }
            }
            for (String drop : dropKeys) {
                statement.execute(drop);
            }
        }
        Writer writer = new Writer(connection.unwrap(PGConnection.class).getCopyAPI());
        long facts = 0;
        try (PreparedStatement select = connection.prepareStatement(FACTS, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY)) {
            select.setFetchSize(10_000);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    writer.add(FactRow.of(rows));
                    facts++;
                }
            }
        }
        writer.finish();
        long analyzing = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            statement.execute("set local maintenance_work_mem = '256MB'");
            for (String add : addKeys) {
                statement.execute(add);
            }
            statement.execute("analyze impact_rollup");
            statement.execute("analyze impact_rollup_filtered");
        }
        long now = System.nanoTime();
        log.info("Rollups rebuilt from {} facts: {} rows, {} filtered rows in {} ms "
                + "(COPY {} ms, keys and ANALYZE {} ms)", facts, writer.rollupRows, writer.filteredRows,
                (now - started) / 1_000_000, writer.copyNanos / 1_000_000, (now - analyzing) / 1_000_000);
    }

    /** One fact as the rollup sees it: the columns of V18's measures, dimensions and V51's filters. */
    record FactRow(LocalDate day, long labId, String activity, String[] topics, String[] targetGroups, String language,
            String ageBand, String gender, String stadtteil, String stadtbezirk, String firstVisit, String result,
            String referral, Boolean technical, Integer score, Integer waitingMinutes, int cases) {

        static FactRow of(ResultSet rows) throws SQLException {
            return new FactRow(rows.getObject(1, LocalDate.class), rows.getLong(2), rows.getString(3),
                    strings(rows.getArray(4)), strings(rows.getArray(5)), rows.getString(6), rows.getString(7),
                    rows.getString(8), rows.getString(9), rows.getString(10), rows.getString(11), rows.getString(12),
                    rows.getString(13), rows.getObject(14, Boolean.class), rows.getObject(15, Integer.class),
                    rows.getObject(16, Integer.class), rows.getInt(17));
        }

        private static String[] strings(Array array) throws SQLException {
            return array == null ? new String[0] : (String[]) array.getArray();
        }

        /**
         * The positions in {@link FactQueries#ROLLUP_COLUMNS} whose condition in V18's {@code impact_rollup_measures()}
         * holds, with SQL's nulls: a comparison with null is not true, so a null language, referral, technical or score
         * never counts.
         */
        int[] measured() {
            boolean consultation = is("APPOINTMENT") || is("WALK_IN") || is("SHORT_HELP");
            boolean registration = is("COURSE_REGISTRATION");
            boolean technicalCourse = registration && Boolean.TRUE.equals(technical);
            boolean feedback = is("FEEDBACK") && score != null;
            boolean[] holds = {
                is("APPOINTMENT"), is("WALK_IN"), is("SHORT_HELP"), is("BOOKING"), is("CANCELLATION"), is("NO_SHOW"),
                consultation && "SOLVED".equals(result),
                consultation && referral != null && !referral.equals("NONE"),
                consultation && "YES".equals(firstVisit),
                consultation && language != null,
                consultation && language != null && !language.equals("de"),
                registration, is("COURSE_ATTENDANCE"), is("COURSE_COMPLETION"),
                technicalCourse, technicalCourse && "FEMALE".equals(gender),
                is("QUEUE_SERVED"),
                feedback && score == 1, feedback && score == 2, feedback && score == 3, feedback && score == 4,
                feedback && score == 5};
            int[] positions = new int[holds.length];
            int n = 0;
            for (int i = 0; i < holds.length; i++) {
                if (holds[i]) {
                    positions[n++] = i;
                }
            }
            return Arrays.copyOf(positions, n);
        }

        /** The waiting minutes the histogram counts (a served ticket's), or -1. */
        int servedWait() {
            return is("QUEUE_SERVED") && waitingMinutes != null ? waitingMinutes : -1;
        }

        /**
         * V18's {@code impact_rollup_dims()}: (dimension, value) pairs, one per topic and target group with '-' for
         * none; a topic listed twice is two pairs, as the SQL's unnest counts it twice.
         */
        List<String[]> dims() {
            List<String[]> dims = new ArrayList<>(12);
            dims.add(new String[] {"", ""});
            dims.add(new String[] {"activity", activity});
            dims.add(new String[] {"language", language == null ? "-" : language});
            dims.add(new String[] {"ageBand", ageBand});
            dims.add(new String[] {"gender", gender});
            dims.add(new String[] {"stadtteil", stadtteil});
            dims.add(new String[] {"stadtbezirk", stadtbezirk});
            each(dims, "topic", topics);
            each(dims, "targetGroup", targetGroups);
            return dims;
        }

        private static void each(List<String[]> dims, String dim, String[] values) {
            if (values.length == 0) {
                dims.add(new String[] {dim, "-"});
            }
            for (String value : values) {
                dims.add(new String[] {dim, value == null ? "-" : value});
            }
        }

        /** V51's {@code impact_rollup_filters()}: each distinct topic and target group once, none for an empty list. */
        List<String[]> filters() {
            List<String[]> filters = new ArrayList<>(8);
            filters.add(new String[] {"activity", activity});
            filters.add(new String[] {"language", language == null ? "-" : language});
            filters.add(new String[] {"ageBand", ageBand});
            filters.add(new String[] {"gender", gender});
            new LinkedHashSet<>(Arrays.asList(topics)).forEach(t -> filters.add(new String[] {"topic", t}));
            new LinkedHashSet<>(Arrays.asList(targetGroups)).forEach(g -> filters.add(new String[] {"targetGroup", g}));
            return filters;
        }

        private boolean is(String value) {
            return activity.equals(value);
        }
    }

    /** The sums of one rollup row: the facts (rows), the 22 measures (cases) and the waiting-minute histogram. */
    static final class Sums {

        final int[] counts = new int[1 + FactQueries.ROLLUP_COLUMNS.size()];
        /** waits[m] = served tickets that waited m minutes (SQL's waits[m + 1]); null while there is none. */
        int[] waits;

        void add(int cases, int[] measured, int wait) {
            counts[0]++;
            for (int measure : measured) {
                counts[1 + measure] += cases;
            }
            if (wait >= 0) {
                grow(wait + 1);
                waits[wait]++;
            }
        }

        void add(Sums other) {
            for (int i = 0; i < counts.length; i++) {
                counts[i] += other.counts[i];
            }
            if (other.waits != null) {
                grow(other.waits.length);
                for (int i = 0; i < other.waits.length; i++) {
                    waits[i] += other.waits[i];
                }
            }
        }

        private void grow(int length) {
            if (waits == null) {
                waits = new int[length];
            } else if (waits.length < length) {
                waits = Arrays.copyOf(waits, length);
            }
        }
    }

    /**
     * Adds facts in day order into the rows of the current day and month and writes them with COPY when the day or
     * month is over, so memory holds one month of rows. The rows of a lab (and filter value) are an array indexed by
     * the number of the (dimension, value) pair, so most of the sixty-odd additions per fact are array reads, not hash
     * lookups.
     */
    static final class Writer {

        private final CopyManager copy;
        private final Map<String, Map<String, Integer>> pairIds = new HashMap<>();
        private final List<String[]> pairs = new ArrayList<>();
        private LocalDate day;
        private final Map<Long, Sums[]> ofDay = new HashMap<>();
        private final Map<Long, Sums[]> ofMonth = new HashMap<>();
        private final Map<Filtered, Sums[]> filteredOfMonth = new HashMap<>();
        private final List<Row> daysOfMonth = new ArrayList<>();
        long rollupRows;
        long filteredRows;
        long copyNanos;

        Writer(CopyManager copy) {
            this.copy = copy;
        }

        void add(FactRow fact) throws SQLException {
            if (day != null && !fact.day().equals(day)) {
                endDay();
                if (!YearMonth.from(fact.day()).equals(YearMonth.from(day))) {
                    endMonth();
                }
            }
            day = fact.day();
            int[] measured = fact.measured();
            int wait = fact.servedWait();
            int[] dims = ids(fact.dims());
            int[] filters = ids(fact.filters());
            add(sumsOf(ofDay, fact.labId()), dims, fact.cases(), measured, wait);
            for (int filter : filters) {
                add(sumsOf(filteredOfMonth, new Filtered(filter, fact.labId())), dims, fact.cases(), measured, wait);
            }
        }

        /** Writes what is left; the facts are over. */
        void finish() throws SQLException {
            if (day != null) {
                endDay();
                endMonth();
            }
        }

        private static void add(Sums[] rows, int[] dims, int cases, int[] measured, int wait) {
            for (int dim : dims) {
                if (rows[dim] == null) {
                    rows[dim] = new Sums();
                }
                rows[dim].add(cases, measured, wait);
            }
        }

        /** The month's rows are the sums of its days' rows, as the SQL rebuild computes them. */
        private void endDay() {
            ofDay.forEach((lab, rows) -> {
                Sums[] month = sumsOf(ofMonth, lab);
                for (int dim = 0; dim < rows.length; dim++) {
                    if (rows[dim] != null) {
                        daysOfMonth.add(new Row(-1, 'D', day, lab, dim, rows[dim]));
                        if (month[dim] == null) {
                            month[dim] = new Sums();
                        }
                        month[dim].add(rows[dim]);
                    }
                }
            });
            ofDay.clear();
        }

        /**
         * Writes the month in about the SQL rebuild's order (dimension, day, lab, value; the filtered rows by filter
         * first), so that a dashboard question finds one dimension's rows of a month on few pages.
         */
        private void endMonth() throws SQLException {
            LocalDate first = day.withDayOfMonth(1);
            int[][] ranks = ranks();
            int[] attribute = ranks[0];
            int[] value = ranks[1];
            List<Row> rollup = new ArrayList<>(daysOfMonth);
            ofMonth.forEach((lab, rows) -> rows(rollup, -1, 'M', first, lab, rows));
            rollup.sort(Comparator.comparingInt(Row::grain).thenComparingInt(row -> attribute[row.dim()])
                    .thenComparing(Row::day).thenComparingLong(Row::lab).thenComparingInt(row -> value[row.dim()]));
            StringBuilder lines = new StringBuilder();
            for (Row row : rollup) {
                String[] dim = pairs.get(row.dim());
                text(lines, dim[0]).append('\t').append(row.grain()).append('\t').append(row.day()).append('\t')
                        .append(row.lab()).append('\t');
                text(lines, dim[1]);
                sums(lines, row.sums());
            }
            rollupRows += copy(COPY_ROLLUP, lines);
            List<Row> filtered = new ArrayList<>();
            filteredOfMonth.forEach((key, rows) -> rows(filtered, key.filter(), 'M', first, key.lab(), rows));
            filtered.sort(Comparator.comparingInt((Row row) -> value[row.filter()])
                    .thenComparingInt(row -> attribute[row.dim()]).thenComparingLong(Row::lab)
                    .thenComparingInt(row -> value[row.dim()]));
            lines.setLength(0);
            for (Row row : filtered) {
                String[] filter = pairs.get(row.filter());
                String[] dim = pairs.get(row.dim());
                text(lines, filter[0]).append('\t');
                text(lines, filter[1]).append('\t');
                text(lines, dim[0]).append('\t').append(first).append('\t').append(row.lab()).append('\t');
                text(lines, dim[1]);
                sums(lines, row.sums());
            }
            filteredRows += copy(COPY_FILTERED, lines);
            daysOfMonth.clear();
            ofMonth.clear();
            filteredOfMonth.clear();
        }

        private static void rows(List<Row> into, int filter, char grain, LocalDate day, long lab, Sums[] rows) {
            for (int dim = 0; dim < rows.length; dim++) {
                if (rows[dim] != null) {
                    into.add(new Row(filter, grain, day, lab, dim, rows[dim]));
                }
            }
        }

        /** For each pair number: the rank of its dimension's name, and its rank by dimension and value. */
        private int[][] ranks() {
            Integer[] order = new Integer[pairs.size()];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, Comparator.comparing((Integer i) -> pairs.get(i)[0]).thenComparing(i -> pairs.get(i)[1],
                    Comparator.nullsFirst(Comparator.naturalOrder())));
            int[] attribute = new int[order.length];
            int[] value = new int[order.length];
            for (int rank = 0; rank < order.length; rank++) {
                boolean sameName = rank > 0 && pairs.get(order[rank])[0].equals(pairs.get(order[rank - 1])[0]);
                attribute[order[rank]] = rank == 0 ? 0 : attribute[order[rank - 1]] + (sameName ? 0 : 1);
                value[order[rank]] = rank;
            }
            return new int[][] {attribute, value};
        }

        private long copy(String statement, StringBuilder lines) throws SQLException {
            long started = System.nanoTime();
            try {
                return copy.copyIn(statement, new StringReader(lines.toString()));
            } catch (IOException e) {
                throw new SQLException("COPY of the rollup rows failed", e);
            } finally {
                copyNanos += System.nanoTime() - started;
            }
        }

        private int[] ids(List<String[]> pairsOfFact) {
            int[] ids = new int[pairsOfFact.size()];
            for (int i = 0; i < ids.length; i++) {
                String[] pair = pairsOfFact.get(i);
                ids[i] = pairIds.computeIfAbsent(pair[0], k -> new HashMap<>()).computeIfAbsent(pair[1], v -> {
                    pairs.add(pair);
                    return pairs.size() - 1;
                });
            }
            return ids;
        }

        /** The rows of a lab (or filter value and lab), with room for every pair number given so far. */
        private <K> Sums[] sumsOf(Map<K, Sums[]> rows, K key) {
            Sums[] sums = rows.get(key);
            if (sums == null || sums.length < pairs.size()) {
                sums = sums == null ? new Sums[pairs.size() + 64] : Arrays.copyOf(sums, pairs.size() + 64);
                rows.put(key, sums);
            }
            return sums;
        }

        /** The facts, measures and histogram columns of a line, and its end. */
        private static void sums(StringBuilder lines, Sums sums) {
            for (int count : sums.counts) {
                lines.append('\t').append(count);
            }
            lines.append('\t');
            if (sums.waits == null) {
                lines.append("\\N");
            } else {
                lines.append('{');
                for (int i = 0; i < sums.waits.length; i++) {
                    lines.append(i == 0 ? "" : ",").append(sums.waits[i]);
                }
                lines.append('}');
            }
            lines.append('\n');
        }

        /** A value in COPY's text format: backslash, tab, newline and carriage return escaped, null as \N. */
        static StringBuilder text(StringBuilder lines, String value) {
            if (value == null) {
                return lines.append("\\N");
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '\\' -> lines.append("\\\\");
                    case '\t' -> lines.append("\\t");
                    case '\n' -> lines.append("\\n");
                    case '\r' -> lines.append("\\r");
                    default -> lines.append(c);
                }
            }
            return lines;
        }
    }

    /** The rows of one filter value (a pair number) in one lab. */
    record Filtered(int filter, long lab) {
    }

    /** A row before it is written: of impact_rollup (filter -1, daily 'D' or monthly 'M') or impact_rollup_filtered. */
    record Row(int filter, char grain, LocalDate day, long lab, int dim, Sums sums) {
    }
}
