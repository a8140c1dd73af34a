package eu.impactlab.skills;

import eu.impactlab.platform.DemoDataPolicy;
import eu.impactlab.platform.SecretTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Anonymous demo self-checks on an empty database when demo data is wanted: 80 finished short and full checks over
 * the last three months (safety and problem solving a little weaker, as in the labs), and one unfinished check, so
 * the funders' figures at /impact/skills have something to show. Their private links are random and never shown.
 */
@Component
@Order(50)
class SkillsDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SkillsDemoData.class);
    static final int FINISHED = 80;

    private final DemoDataPolicy policy;
    private final JdbcClient jdbc;
    private final SelfCheckStore store;
    private final Clock clock;

    SkillsDemoData(DemoDataPolicy policy, JdbcClient jdbc, SelfCheckStore store, Clock clock) {
        this.policy = policy;
        this.jdbc = jdbc;
        this.store = store;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!policy.seedDemoData() || jdbc.sql("select count(*) from skills_check").query(Long.class).single() > 0) {
            return;
        }
        Random random = new Random(2026);
        Instant now = Instant.now(clock);
        List<String> languages = List.of("de", "de", "de", "tr", "ar", "uk", "ru", "pl", "en");
        for (int i = 0; i < FINISHED; i++) {
            Questions.Mode mode = i % 4 == 0 ? Questions.Mode.FULL : Questions.Mode.SHORT;
            Instant started = now.minus(Duration.ofMinutes(20 + random.nextInt(90 * 24 * 60)));
            long id = store.create(SecretTokens.hash(SecretTokens.newToken()), mode, languages.get(random.nextInt(languages.size())),
                    null, null, null, started, List.of());
            int ability = random.nextInt(4);
            for (Questions.Question q : Questions.of(mode, List.of())) {
                int weaker = q.area().equals("4") || q.area().equals("5") ? 1 : 0;
                int answer = Math.max(0, Math.min(3, ability - weaker + random.nextInt(3) - 1));
                store.answer(id, q, answer);
            }
            store.complete(id, started.plus(Duration.ofMinutes(mode == Questions.Mode.FULL ? 15 : 5)));
        }
        long unfinished = store.create(SecretTokens.hash(SecretTokens.newToken()), Questions.Mode.SHORT, "de", null, null, null,
                now.minus(Duration.ofDays(2)), List.of());
        store.answer(unfinished, Questions.of(Questions.Mode.SHORT, List.of()).get(0), 2);
        log.info("Demo data: {} anonymous self-checks", FINISHED + 1);
    }
}
