package eu.impactlab.impact;

import static org.assertj.core.api.Assertions.assertThat;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.labs.LabService;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dashboard reads the rollup (V18) instead of the facts when no attribute filter is set: it must give exactly the
 * numbers the facts give, for random facts written one by one (the listener's way, with retried events), in bulk,
 * and partly deleted again, and for random periods that start and end inside months or on their edges. The test
 * fills 2007 and 2008, which no other test uses.
 */
class FactRollupTest extends AbstractIntegrationTest {

    static final LocalDate START = LocalDate.of(2007, 1, 1);
    static final String[] ACTIVITIES = Arrays.stream(Activity.values()).map(Enum::name).toArray(String[]::new);
    static final String[] TOPICS = {"smartphone", "jobs", "public-services", "banking-safety"};
    static final String[] LANGUAGES = {"de", "de", "tr", "ar", null};
    static final String[] STADTTEILE = {"Gröpelingen", "Walle", "Vegesack", "Findorff", "NOT_STATED", "OUTSIDE_BREMEN"};
    static final String[] GENDERS = {"FEMALE", "MALE", "DIVERSE", "NOT_STATED"};
    static final String[] AGES = {"UNDER_18", "FROM_30_TO_44", "FROM_65", "NOT_STATED"};
    static final String[] GROUPS = {"YOUTH", "SENIORS", "WOMEN_AND_GIRLS"};

    @Autowired
    FactStore store;

    @Autowired
    FactQueries queries;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LabService labs;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    RollupRebuild rebuild;

    static boolean filled;
    static List<Long> labIds;

    @BeforeEach
    void fill() {
        if (filled) {
            return;
        }
        labIds = List.of(labs.idOf("groepelingen").orElseThrow(), labs.idOf("vegesack").orElseThrow(),
                labs.idOf("osterholz").orElseThrow());
        Random random = new Random(2007);
        List<UUID> written = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            Fact fact = randomFact(random);
            assertThat(store.add(fact)).isTrue();
            written.add(fact.eventId());
            if (random.nextInt(10) == 0) {
                assertThat(store.add(fact)).as("a retried event").isFalse();
            }
        }
        // a bulk insert: one statement, many rows in the trigger's transition table
        jdbc.sql("""
                insert into impact_fact (event_id, day, lab_id, activity, topics, language, age_band, gender, stadtteil,
                    stadtbezirk, result, waiting_minutes)
                select gen_random_uuid(), date '2007-01-01' + (random() * 729)::int, (array[?, ?, ?])[1 + (random() * 2)::int],
                    (array['APPOINTMENT', 'WALK_IN', 'QUEUE_SERVED', 'BOOKING'])[1 + (random() * 3)::int],
                    case when random() < 0.3 then '{}'::varchar[] else array['jobs', 'smartphone']::varchar[] end,
                    case when random() < 0.5 then 'de' else 'ru' end, 'FROM_65', 'FEMALE', 'Walle', 'West',
                    case when random() < 0.5 then 'SOLVED' end, (random() * 30)::int
                from generate_series(1, 800)""").params(labIds.get(0), labIds.get(1), labIds.get(2)).update();
        // corrections: some facts deleted one by one, and a whole day of one lab at once
        for (int i = 0; i < 60; i++) {
            jdbc.sql("delete from impact_fact where event_id = ?").param(written.get(random.nextInt(written.size()))).update();
        }
        jdbc.sql("delete from impact_fact where day = '2007-06-05' and lab_id = ?").param(labIds.get(0)).update();
        filled = true;
    }

    static Fact randomFact(Random random) {
        String activity = ACTIVITIES[random.nextInt(ACTIVITIES.length)];
        LocalDate day = START.plusDays(random.nextInt(730));
        long lab = labIds.get(random.nextInt(10) < 6 ? 0 : 1 + random.nextInt(2));
        Fact fact = Fact.of(UUID.randomUUID(), day, lab, Activity.valueOf(activity))
                .withLanguage(pick(random, LANGUAGES))
                .withVisitor(pick(random, AGES), pick(random, GENDERS), pick(random, STADTTEILE))
                .withOutcome(random.nextBoolean() ? "YES" : "NO", random.nextInt(3) == 0 ? "PARTLY" : "SOLVED",
                        random.nextInt(4) == 0 ? "JOBCENTER" : random.nextBoolean() ? "NONE" : null);
        if (activity.startsWith("COURSE")) {
            fact = fact.withCourse(random.nextBoolean() ? List.of(pick(random, GROUPS)) : List.of("YOUTH", "SENIORS"),
                    List.of(), random.nextBoolean());
            if (activity.equals("COURSE_ATTENDANCE") && random.nextInt(4) == 0) {
                fact = fact.withCases(-1);
            }
        } else {
            int topics = random.nextInt(3);
            List<String> chosen = new ArrayList<>();
            for (int t = 0; t < topics; t++) {
                chosen.add(TOPICS[(random.nextInt(TOPICS.length) + t) % TOPICS.length]);
            }
            fact = fact.withTopics(chosen.stream().distinct().toList());
        }
        if (activity.equals("QUEUE_SERVED") || activity.equals("WALK_IN")) {
            fact = fact.withWaiting(random.nextInt(8) == 0 ? null : random.nextInt(45));
        }
        if (activity.equals("FEEDBACK")) {
            fact = fact.withScore(1 + random.nextInt(5));
        }
        return fact;
    }

    static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    @Test
    void theRollupGivesExactlyTheNumbersOfTheFacts() {
        Random random = new Random(2008);
        Dimension[] periods = {Dimension.WEEK, Dimension.MONTH, Dimension.QUARTER, Dimension.YEAR};
        for (int question = 0; question < 150; question++) {
            LocalDate from = START.minusDays(40).plusDays(random.nextInt(800));
            if (random.nextBoolean()) {
                from = from.withDayOfMonth(1);
            }
            LocalDate to = from.plusDays(random.nextInt(question % 3 == 0 ? 40 : 800));
            if (random.nextBoolean()) {
                to = to.withDayOfMonth(to.lengthOfMonth());
            }
            List<Long> chosen = labIds.stream().filter(id -> random.nextInt(3) > 0).toList();
            Filter filter = new Filter(from, to, chosen, null, null, null, null, null, null);
            Dimension by = Dimension.values()[random.nextInt(Dimension.values().length)];
            Dimension period = by.period() ? by : random.nextBoolean() ? ImpactService.periodFor(from, to)
                    : periods[random.nextInt(periods.length)];
            FactQueries.Result facts = transactions.execute(s -> queries.fromFacts(filter, by, period));
            FactQueries.Result rollup = transactions.execute(s -> queries.fromRollup(filter, by, period));
            String what = filter + " by " + by + " per " + period;
            assertThat(plain(rollup.total())).as("total of " + what).isEqualTo(plain(facts.total()));
            assertThat(plain(rollup.breakdown())).as("breakdown of " + what).isEqualTo(plain(facts.breakdown()));
            assertThat(plain(rollup.trend())).as("trend of " + what).isEqualTo(plain(facts.trend()));
            assertThat(plain(rollup.districts())).as("districts of " + what).isEqualTo(plain(facts.districts()));
        }
    }

    @Test
    void theFilteredRollupGivesExactlyTheNumbersOfTheFacts() {
        Random random = new Random(2009);
        Dimension[] periods = {Dimension.MONTH, Dimension.QUARTER, Dimension.YEAR};
        Dimension[] breakdowns = Arrays.stream(Dimension.values()).filter(d -> d != Dimension.WEEK).toArray(Dimension[]::new);
        int asked = 0;
        for (int question = 0; question < 150; question++) {
            LocalDate from = START.minusDays(40).plusDays(random.nextInt(700));
            if (random.nextBoolean()) {
                from = from.withDayOfMonth(1);
            }
            LocalDate to = from.plusDays(35 + random.nextInt(question % 3 == 0 ? 60 : 800));
            if (random.nextBoolean()) {
                to = to.withDayOfMonth(to.lengthOfMonth());
            }
            List<Long> chosen = labIds.stream().filter(id -> random.nextInt(3) > 0).toList();
            String[] only = new String[6];
            int attribute = random.nextInt(6);
            only[attribute] = switch (attribute) {
                case 0 -> pick(random, ACTIVITIES);
                case 1 -> pick(random, TOPICS);
                case 2 -> pick(random, GROUPS);
                case 3 -> pick(random, new String[] {"de", "tr", "ar", "ru", Filter.NOT_GERMAN, Filter.NO_LANGUAGE});
                case 4 -> pick(random, AGES);
                default -> pick(random, GENDERS);
            };
            Filter filter = new Filter(from, to, chosen, only[0], only[1], only[2], only[3], only[4], only[5]);
            Dimension by = pick(random, breakdowns);
            Dimension period = by.period() ? by : pick(random, periods);
            FactQueries.Result facts = transactions.execute(s -> queries.fromFacts(filter, by, period));
            FactQueries.Result rollup = transactions.execute(s -> queries.run(filter, by, period));
            String what = filter + " by " + by + " per " + period;
            assertThat(plain(rollup.total())).as("total of " + what).isEqualTo(plain(facts.total()));
            assertThat(plain(rollup.breakdown())).as("breakdown of " + what).isEqualTo(plain(facts.breakdown()));
            assertThat(plain(rollup.trend())).as("trend of " + what).isEqualTo(plain(facts.trend()));
            assertThat(plain(rollup.districts())).as("districts of " + what).isEqualTo(plain(facts.districts()));
            if (question % 10 == 0) {
                // The count of people a language filter leaves out asks for a total alone.
                FactQueries.Counts alone = transactions.execute(s -> queries.total(filter));
                assertThat(plain(alone)).as("total alone of " + what).isEqualTo(plain(facts.total()));
            }
            asked++;
        }
        assertThat(asked).isEqualTo(150);
        // Not a vacuous comparison: the questions found facts.
        Filter women = new Filter(START, START.plusYears(2).minusDays(1), labIds, null, null, null, null, null, "FEMALE");
        FactQueries.Result many = transactions.execute(s -> queries.fromFilteredRollup(women, Dimension.MONTH, Dimension.MONTH));
        assertThat(many.total().get(Measure.PEOPLE)).isGreaterThan(100);
    }

    @Test
    void aDashboardQuestionWithoutFilterUsesTheRollupAndWithAFilterTheFacts() {
        Filter plain = new Filter(START, START.plusYears(1), labIds, null, null, null, null, null, null);
        Filter narrowed = new Filter(START, START.plusYears(1), labIds, null, null, null, null, null, "FEMALE");
        assertThat(plain.narrowed()).isFalse();
        assertThat(narrowed.narrowed()).isTrue();
        FactQueries.Result viaRun = transactions.execute(s -> queries.run(plain, Dimension.MONTH, Dimension.MONTH));
        FactQueries.Result viaRollup = transactions.execute(s -> queries.fromRollup(plain, Dimension.MONTH, Dimension.MONTH));
        assertThat(plain(viaRun.breakdown())).isEqualTo(plain(viaRollup.breakdown()));
    }

    @Test
    void aRebuildGivesTheRollupTheTriggersKept() {
        String rollup = "select dim, grain, day, lab_id, value, facts, appointments, walk_ins, short_help, solved, "
                + "other_language, attendance, technical_women, queue_served, score_5 from impact_rollup "
                + "where day between '2006-12-01' and '2008-12-31' order by 1, 2, 3, 4, 5";
        // the histograms may differ in trailing zeros (a deleted ticket leaves a 0), so they are compared without them
        String waits = "select dim, grain, day, lab_id, value, rtrim(array_to_string(waits, ','), ',0') as waits "
                + "from impact_rollup where day between '2006-12-01' and '2008-12-31' and waits is not null "
                + "and exists (select 1 from unnest(waits) n where n <> 0) order by 1, 2, 3, 4, 5";
        String filtered = "select fdim, fvalue, dim, day, lab_id, value, facts, appointments, solved, other_language, "
                + "technical_women, queue_served, score_2, (select string_agg(i || ':' || waits[i], ',' order by i) "
                + "from generate_subscripts(waits, 1) i where waits[i] <> 0) as waits "
                + "from impact_rollup_filtered where day between '2006-12-01' and '2008-12-31' order by 1, 2, 3, 4, 5, 6";
        List<Map<String, Object>> keptFiltered = jdbc.sql(filtered).query().listOfRows();
        assertThat(keptFiltered).hasSizeGreaterThan(1000);
        List<Map<String, Object>> kept = jdbc.sql(rollup).query().listOfRows();
        List<Map<String, Object>> keptWaits = jdbc.sql(waits).query().listOfRows();
        assertThat(kept).hasSizeGreaterThan(1000);
        assertThat(keptWaits).hasSizeGreaterThan(100);
        // the rebuild DemoFacts uses (RollupRebuildTest compares it with the SQL function impact_rollup_rebuild())
        transactions.executeWithoutResult(s -> rebuild.rebuild());
        assertThat(jdbc.sql(rollup).query().listOfRows()).isEqualTo(kept);
        assertThat(jdbc.sql(waits).query().listOfRows()).isEqualTo(keptWaits);
        assertThat(jdbc.sql(filtered).query().listOfRows()).isEqualTo(keptFiltered);
    }

    @Test
    void theMedianOfAHistogramIsPostgresPercentileCont() {
        assertThat(FactQueries.median(new TreeMap<>())).isNull();
        assertThat(FactQueries.median(new TreeMap<>(Map.of(7, 1L)))).isEqualTo(7.0);
        assertThat(FactQueries.median(new TreeMap<>(Map.of(4, 1L, 9, 1L)))).isEqualTo(6.5);
        assertThat(FactQueries.median(new TreeMap<>(Map.of(1, 2L, 3, 1L, 10, 1L)))).isEqualTo(2.0);
        assertThat(FactQueries.median(new TreeMap<>(Map.of(1, 2L, 3, 2L)))).isEqualTo(2.0);
        assertThat(FactQueries.median(new TreeMap<>(Map.of(0, 5L, 60, 1L)))).isEqualTo(0.0);
    }

    /** Counts as comparable values: the measures as a list, and the median. */
    static List<Object> plain(FactQueries.Counts counts) {
        return List.of(Arrays.stream(counts.values()).boxed().toList(), String.valueOf(counts.medianWait()));
    }

    static Map<String, List<Object>> plain(Map<String, FactQueries.Counts> counts) {
        Map<String, List<Object>> plain = new TreeMap<>();
        counts.forEach((key, value) -> plain.put(String.valueOf(key), plain(value)));
        return plain;
    }
}
