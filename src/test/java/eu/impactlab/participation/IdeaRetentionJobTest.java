package eu.impactlab.participation;

import static org.assertj.core.api.Assertions.assertThat;

import eu.impactlab.AbstractIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Nicknames and addresses go 180 days after the idea's last decision (the clock set forward); the text stays. */
class IdeaRetentionJobTest extends AbstractIntegrationTest {

    @Autowired
    IdeaRetentionJob job;
    @Autowired
    ParticipationService ideas;
    @Autowired
    JdbcClient jdbc;

    @Test
    void personalDataGoesAfterTheRetentionPeriodAndTheIdeaStays() {
        IdeaFixtures fixtures = new IdeaFixtures(ideas, jdbc);
        long answered = fixtures.pending("vegesack", "Lange beantwortet", "alt@example.org");
        ideas.publish(answered, false, "coordinator");
        ideas.answer(answered, "DONE", "Gibt es jetzt.", null, "coordinator");
        long waiting = fixtures.pending("vegesack", "Wartet noch", "wartet@example.org");
        jdbc.sql("insert into idea_follower (idea_id, email, ui_language, token_hash, confirmed_at) values (?, 'folgt@example.org', 'de', ?, now())")
                .params(answered, "f".repeat(64)).update();

        Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
        job.deleteExpiredPersonalData(tomorrow);
        assertThat(ideas.idea(answered).orElseThrow().email()).as("not yet").isEqualTo("alt@example.org");

        Instant later = Instant.now().plus(Duration.ofDays(181));
        assertThat(job.deleteExpiredPersonalData(later)).isPositive();
        Idea gone = ideas.idea(answered).orElseThrow();
        assertThat(gone.nickname()).isNull();
        assertThat(gone.email()).isNull();
        assertThat(gone.personalDataDeleted()).isTrue();
        assertThat(gone.text()).isEqualTo("Ein Text mit genug Zeichen für die Idee.");
        assertThat(gone.answerState()).isEqualTo("DONE");
        assertThat(jdbc.sql("select count(*) from idea_follower where idea_id = ?").param(answered).query(Long.class).single()).isZero();
        assertThat(ideas.idea(waiting).orElseThrow().email()).as("an idea still under review keeps its contact").isEqualTo("wartet@example.org");
        assertThat(jdbc.sql("select count(*) from idea_log where idea_id = ? and action = 'PERSONAL_DATA_EXPIRED'")
                .param(answered).query(Long.class).single()).isEqualTo(1);
        assertThat(job.deleteExpiredPersonalData(later)).as("nothing left to delete").isZero();
    }
}
