package eu.impactlab.impact;

import eu.impactlab.labs.LabService;
import eu.impactlab.labs.LabView;
import eu.impactlab.labs.Language;
import eu.impactlab.platform.BremenDistricts;
import eu.impactlab.platform.DemoDataPolicy;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Synthetic, realistic facts for an empty demo database, in one INSERT … SELECT over generate_series: ten years
 * back from today, growing over the years and quieter in the summer holidays, half of it in Gröpelingen, languages
 * and home districts typical of each lab; short help, as the helpers' form records it, has no language, age, gender
 * or home district. {@code impactlab.demo-facts} (IMPACTLAB_DEMO_FACTS) sets how many; with
 * demo data on and no number, 20,000 facts over three years make the dashboard show something.
 */
@Component
@Order(60)
class DemoFacts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoFacts.class);
    static final int DEFAULT_DEMO_FACTS = 20_000;

    private final DemoDataPolicy policy;
    private final JdbcTemplate jdbc;
    private final LabService labs;
    private final String configured;
    private final TransactionTemplate transactions;
    private final boolean inBackground;
    private final RollupRebuild rollups;

    DemoFacts(DemoDataPolicy policy, JdbcTemplate jdbc, LabService labs,
            @Value("${impactlab.demo-facts:}") String configured, TransactionTemplate transactions,
            @Value("${impactlab.demo-facts-in-background:true}") boolean inBackground, RollupRebuild rollups) {
        this.policy = policy;
        this.jdbc = jdbc;
        this.labs = labs;
        this.configured = configured;
        this.transactions = transactions;
        this.inBackground = inBackground;
        this.rollups = rollups;
    }

    /**
     * Nobody needs the demo figures in the first seconds, so by default they are written beside the running app
     * (in one transaction: the dashboard shows all of them or none) and the app answers without waiting for them.
     */
    @Override
    public void run(ApplicationArguments args) {
        if (!inBackground) {
            seed();
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                seed();
            } catch (RuntimeException e) {
                log.warn("Synthetic impact facts not generated: {}", e.toString());
            }
        }, "demo-facts");
        thread.setDaemon(true);
        thread.start();
    }

    private void seed() {
        boolean explicit = configured != null && !configured.isBlank();
        if (!policy.seedDemoData()) {
            return;
        }
        Long existing = jdbc.queryForObject("select count(*) from (select 1 from impact_fact limit 1) x", Long.class);
        if (existing != null && existing > 0) {
            return;
        }
        int n = explicit ? Integer.parseInt(configured.strip()) : DEFAULT_DEMO_FACTS;
        int years = explicit ? 10 : 3;
        long started = System.nanoTime();
        generate(n, years);
        log.info("Generated {} synthetic impact facts over {} years in {} ms", n, years, (System.nanoTime() - started) / 1_000_000);
    }

    /** Languages and home districts by lab slug, most frequent repeated. */
    private static final Map<String, String[]> LANGUAGES = Map.of(
            "groepelingen", new String[] {"de", "de", "de", "de", "tr", "tr", "ar", "ar", "bg", "ro", "ku", "en", "pl"},
            "vegesack", new String[] {"de", "de", "de", "de", "de", "ru", "ru", "uk", "uk", "pl", "tr", "en"},
            "osterholz", new String[] {"de", "de", "de", "de", "ar", "ar", "fa", "ru", "tr", "ku", "en"});
    private static final Map<String, String[]> DISTRICTS = Map.of(
            "groepelingen", new String[] {"Gröpelingen", "Gröpelingen", "Gröpelingen", "Gröpelingen", "Gröpelingen",
                    "Walle", "Walle", "Findorff", "Burglesum", "Mitte", "Neustadt", "NOT_STATED", "OUTSIDE_BREMEN"},
            "vegesack", new String[] {"Vegesack", "Vegesack", "Vegesack", "Vegesack", "Blumenthal", "Blumenthal",
                    "Burglesum", "Burglesum", "Gröpelingen", "NOT_STATED", "OUTSIDE_BREMEN"},
            "osterholz", new String[] {"Osterholz", "Osterholz", "Osterholz", "Osterholz", "Hemelingen", "Hemelingen",
                    "Vahr", "Vahr", "Oberneuland", "Horn-Lehe", "Östliche Vorstadt", "NOT_STATED"});
    private static final String[] WEIGHTS = {"groepelingen:5", "vegesack:2.5", "osterholz:2.5"};

    void generate(int n, int years) {
        List<LabView> all = labs.labs(Language.DE);
        if (all.isEmpty()) {
            return;
        }
        Map<String, Double> weight = java.util.Arrays.stream(WEIGHTS)
                .collect(Collectors.toMap(w -> w.split(":")[0], w -> Double.parseDouble(w.split(":")[1])));
        double sum = all.stream().mapToDouble(l -> weight.getOrDefault(l.slug(), 2.0)).sum();
        StringBuilder labValues = new StringBuilder();
        double from = 0;
        String[] allDistricts = BremenDistricts.ALL.toArray(String[]::new);
        for (LabView lab : all) {
            double to = from + weight.getOrDefault(lab.slug(), 2.0) / sum;
            labValues.append(labValues.isEmpty() ? "" : ", ").append("(").append(lab.id()).append(", ").append(from)
                    .append(", ").append(lab == all.get(all.size() - 1) ? 1.01 : to).append(", ")
                    .append(array(LANGUAGES.getOrDefault(lab.slug(), new String[] {"de"}))).append(", ")
                    .append(array(DISTRICTS.getOrDefault(lab.slug(), allDistricts))).append(")");
            from = to;
        }
        StringBuilder bezirk = new StringBuilder("case p.stadtteil");
        BremenDistricts.GROUPS.forEach(g -> g.stadtteile().forEach(t -> bezirk.append(" when '").append(t.replace("'", "''"))
                .append("' then '").append(g.stadtbezirk()).append("'")));
        bezirk.append(" else p.stadtteil end");
        String sql = """
                with labs(id, w_from, w_to, languages, districts) as (values LABS),
                s as (select random() r_lab, random() r_day, random() r_act, random() r1, random() r2, random() r3,
                             random() r4, random() r5, random() r6, random() r7 from generate_series(1, ?) g),
                p as (
                  select s.*, l.id as lab_id,
                    (current_date - (DAYS * power(s.r_day, 0.8))::int) as day0,
                    case when s.r_act < 0.18 then 'APPOINTMENT' when s.r_act < 0.35 then 'WALK_IN'
                         when s.r_act < 0.50 then 'SHORT_HELP' when s.r_act < 0.66 then 'QUEUE_SERVED'
                         when s.r_act < 0.74 then 'BOOKING' when s.r_act < 0.76 then 'CANCELLATION'
                         when s.r_act < 0.78 then 'NO_SHOW' when s.r_act < 0.85 then 'COURSE_REGISTRATION'
                         when s.r_act < 0.86 then 'COURSE_WAITLIST' when s.r_act < 0.94 then 'COURSE_ATTENDANCE'
                         when s.r_act < 0.97 then 'COURSE_COMPLETION' else 'FEEDBACK' end as act,
                    l.languages[1 + floor(s.r2 * array_length(l.languages, 1))::int] as lang,
                    l.districts[1 + floor(s.r3 * array_length(l.districts, 1))::int] as stadtteil
                  from s join labs l on s.r_lab >= l.w_from and s.r_lab < l.w_to)
                insert into impact_fact (event_id, day, lab_id, activity, topics, target_groups, language, age_band, gender,
                    stadtteil, stadtbezirk, first_visit, result, referral, technical, score, waiting_minutes, cases)
                select gen_random_uuid(),
                  case when extract(month from p.day0) in (7, 8) and p.r7 < 0.4 then p.day0 - 62 else p.day0 end,
                  p.lab_id, p.act,
                  case when p.act like 'COURSE%' then '{}'::varchar[]
                       else array[(array['public-services', 'smartphone', 'email-messaging', 'jobs', 'banking-safety',
                            'files-photos', 'computer-basics', 'learning', 'small-business', 'other'])
                            [1 + floor(power(p.r1, 1.5) * 10)::int]]::varchar[] end,
                  case when p.act like 'COURSE%' then array[(array['YOUTH', 'SCHOOL_LEAVERS', 'JOB_SEEKERS',
                            'WOMEN_AND_GIRLS', 'SENIORS', 'FAMILIES', 'NEWCOMERS', 'SMALL_BUSINESSES'])
                            [1 + floor(p.r1 * 8)::int]]::varchar[] else '{}'::varchar[] end,
                  case when p.act = 'SHORT_HELP' then null else p.lang end,
                  case when p.act in ('APPOINTMENT', 'WALK_IN') or p.act like 'COURSE%' then
                    (array['UNDER_18', 'FROM_18_TO_29', 'FROM_30_TO_44', 'FROM_30_TO_44', 'FROM_45_TO_64',
                           'FROM_45_TO_64', 'FROM_65', 'FROM_65', 'NOT_STATED'])[1 + floor(p.r4 * 9)::int] else 'NOT_STATED' end,
                  case when p.act in ('APPOINTMENT', 'WALK_IN') or p.act like 'COURSE%' then
                    (array['FEMALE', 'FEMALE', 'FEMALE', 'FEMALE', 'FEMALE', 'MALE', 'MALE', 'MALE', 'MALE', 'DIVERSE',
                           'NOT_STATED'])[1 + floor(p.r5 * 11)::int] else 'NOT_STATED' end,
                  case when p.act in ('APPOINTMENT', 'WALK_IN') or p.act like 'COURSE%' then p.stadtteil else 'NOT_STATED' end,
                  case when p.act in ('APPOINTMENT', 'WALK_IN') or p.act like 'COURSE%' then BEZIRK else 'NOT_STATED' end,
                  case when p.act in ('APPOINTMENT', 'WALK_IN', 'SHORT_HELP') then
                    (array['YES', 'YES', 'YES', 'NO', 'NO', 'NO', 'NO', 'NO', 'NOT_STATED'])[1 + floor(p.r6 * 9)::int] end,
                  case when p.act in ('APPOINTMENT', 'WALK_IN', 'SHORT_HELP') then
                    (array['SOLVED', 'SOLVED', 'SOLVED', 'SOLVED', 'SOLVED', 'SOLVED', 'SOLVED', 'PARTLY', 'PARTLY', 'NOT_SOLVED'])
                    [1 + floor(p.r7 * 10)::int] end,
                  case when p.act in ('APPOINTMENT', 'WALK_IN', 'SHORT_HELP') then
                    case when p.r6 < 0.82 then 'NONE' else (array['VERBRAUCHERZENTRALE', 'JOBCENTER', 'BUERGERAMT',
                        'MIGRATIONSAMT', 'SCHULDNERBERATUNG', 'OTHER_SERVICE'])[1 + floor(p.r2 * 6)::int] end end,
                  case when p.act like 'COURSE%' then p.r6 < 0.3 end,
                  case when p.act = 'FEEDBACK' then (array[1, 2, 3, 3, 4, 4, 4, 5, 5, 5, 5, 5])[1 + floor(p.r4 * 12)::int] end,
                  case when p.act in ('QUEUE_SERVED', 'WALK_IN') then floor(power(p.r3, 2) * 60)::int end,
                  1
                from p
                order by 2
                """.replace("LABS", labValues).replace("DAYS", Integer.toString(years * 365 - 1)).replace("BEZIRK", bezirk);
        // In day order, as real facts arrive: a period's rows then lie together on disk, which a period query needs.
        // One bulk load: the rollup is recomputed once at the end instead of by the per-statement trigger (which
        // would explode the whole load at once); both in one transaction, so nobody sees facts without their rollup.
        // The secondary indexes are dropped for the load and built again after it (sorting once is much faster than
        // two million index inserts), and so is the event id's unique constraint: fresh random ids land on random
        // index pages, which cost about half of the load (bench/README.md); while it is away the table is locked.
        transactions.executeWithoutResult(status -> {
            // Millions of facts take minutes: this connection may wait longer than the pool's socket timeout (the pool
            // resets it when the connection is returned).
            jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Void>) connection -> {
                connection.setNetworkTimeout(Runnable::run, 0);
                return null;
            });
            List<Map<String, Object>> indexes = jdbc.queryForList("""
                    select i.indexname, i.indexdef from pg_indexes i
                    where i.schemaname = current_schema() and i.tablename = 'impact_fact'
                      and not exists (select 1 from pg_constraint c where c.conname = i.indexname)""");
            List<Map<String, Object>> uniques = jdbc.queryForList("""
                    select c.conname, pg_get_constraintdef(c.oid) as condef from pg_constraint c
                    where c.conrelid = 'impact_fact'::regclass and c.contype = 'u'""");
            jdbc.execute("set local maintenance_work_mem = '256MB'");
            // The day order sorts all rows once: in memory instead of in hundreds of 4 MB runs on disk.
            jdbc.execute("set local work_mem = '256MB'");
            jdbc.execute("alter table impact_fact disable trigger impact_fact_rollup_insert");
            indexes.forEach(index -> jdbc.execute("drop index " + index.get("indexname")));
            uniques.forEach(unique -> jdbc.execute("alter table impact_fact drop constraint " + unique.get("conname")));
            long started = System.nanoTime();
            jdbc.update(sql, n);
            long inserted = System.nanoTime();
            uniques.forEach(unique -> jdbc.execute("alter table impact_fact add constraint " + unique.get("conname") + " "
                    + unique.get("condef")));
            indexes.forEach(index -> jdbc.execute((String) index.get("indexdef")));
            jdbc.execute("alter table impact_fact enable trigger impact_fact_rollup_insert");
            long indexed = System.nanoTime();
            // In the JVM: the SQL function impact_rollup_rebuild() needs many minutes for millions of facts.
            rollups.rebuild();
            // The phases, so that bench/README.md can say where a slow load spends its time.
            log.info("Demo facts inserted in {} s, indexes in {} s, rollups rebuilt in {} s", seconds(started, inserted),
                    seconds(inserted, indexed), seconds(indexed, System.nanoTime()));
        });
        jdbc.execute("analyze impact_fact");
    }

    private static String seconds(long from, long to) {
        return String.format(java.util.Locale.ROOT, "%.1f", (to - from) / 1e9);
    }

    private static String array(String[] values) {
        return java.util.Arrays.stream(values).map(v -> "'" + v.replace("'", "''") + "'")
                .collect(Collectors.joining(", ", "array[", "]::varchar[]"));
    }
}
