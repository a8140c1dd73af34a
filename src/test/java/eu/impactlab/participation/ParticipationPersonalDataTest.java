package eu.impactlab.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.platform.PersonalData;
import eu.impactlab.platform.SecretTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A proposer's and a follower's data reach the person search and "what we store about you"; withdrawn and rejected
 * ideas go as a whole after the retention period, and ideas left waiting a year lose their contact.
 */
class ParticipationPersonalDataTest extends AbstractIntegrationTest {

    @Autowired
    ParticipationPersonalData holder;
    @Autowired
    IdeaRetentionJob job;
    @Autowired
    ParticipationService ideas;
    @Autowired
    JdbcClient jdbc;

    private ParticipationService.Outcome.Accepted propose(String lab, String title, String email) {
        return (ParticipationService.Outcome.Accepted) ideas.propose(new ParticipationService.Proposal(lab, "PROJECT", title,
                "Ein Text mit genug Zeichen für die Idee.", "de", "Tester", email, true, "de"));
    }

    private long labId(String slug) {
        return jdbc.sql("select id from lab where slug = ?").param(slug).query(Long.class).single();
    }

    @Test
    void thePersonSearchFindsIdeasAndFollowsByAddressInTheCoordinatorsLabsOnly() {
        long idea = propose("vegesack", "Suchbare Idee", "Such.Mich@example.org").id();
        ideas.publish(idea, false, "coordinator");
        jdbc.sql("insert into idea_follower (idea_id, email, ui_language, token_hash, confirmed_at) values (?, 'such.mich@example.org', 'de', ?, now())")
                .params(idea, SecretTokens.hash(SecretTokens.newToken())).update();

        var found = holder.find(new PersonalData.Query("such.mich@EXAMPLE.org", null, Set.of(labId("vegesack"))));
        assertThat(found).extracting(PersonalData.Found::kind).containsExactly("idea", "idea-follower");
        assertThat(found.get(0).fields()).containsEntry("name", "Tester").containsEntry("email", "Such.Mich@example.org")
                .containsEntry("title", "Suchbare Idee");
        assertThat(holder.find(new PersonalData.Query("such.mich@example.org", null, Set.of(labId("groepelingen")))))
                .as("another lab's coordinator").isEmpty();
        assertThat(holder.find(new PersonalData.Query(null, "0421 1", null))).as("ideas hold no phone numbers").isEmpty();

        assertThat(holder.erase("idea", found.get(0).ref(), "coordinator")).isTrue();
        assertThat(holder.erase("idea-follower", found.get(1).ref(), "coordinator")).isTrue();
        Idea erased = ideas.idea(idea).orElseThrow();
        assertThat(erased.email()).isNull();
        assertThat(erased.nickname()).isNull();
        assertThat(erased.title()).as("the public idea stays").isEqualTo("Suchbare Idee");
        assertThat(holder.find(new PersonalData.Query("such.mich@example.org", null, null))).isEmpty();
        assertThat(holder.erase("idea", found.get(0).ref(), "coordinator")).as("nothing left").isFalse();
    }

    @Test
    void theProposersPrivateLinkShowsWhatWeStoreAndDeletesItAfterAsking() throws Exception {
        var idea = propose("vegesack", "Meine Daten Idee", "meine.idee@example.org");
        String manage = mvc.perform(get("/ideas/manage/" + idea.token()).locale(Locale.GERMAN)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(manage).contains("/privacy/my-data/" + idea.token());

        String page = mvc.perform(get("/privacy/my-data/" + idea.token()).locale(Locale.GERMAN)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("meine.idee@example.org", "Meine Daten Idee", "Ideen vorschlagen", "Ihre Idee bleibt ohne Namen")
                .doesNotContain("??");
        mvc.perform(post("/privacy/my-data/" + idea.token() + "/delete")).andExpect(status().is3xxRedirection());
        assertThat(ideas.idea(idea.id()).orElseThrow().email()).isNull();
        assertThat(mvc.perform(get("/privacy/my-data/" + idea.token()).locale(Locale.GERMAN)).andReturn().getResponse()
                .getContentAsString()).doesNotContain("meine.idee@example.org");
    }

    @Test
    void theIdeaFormsLinkTheirNoticeInEveryLanguage() throws Exception {
        for (String lang : new String[] {"de", "en", "tr", "ar", "ru", "uk", "pl"}) {
            String notice = mvc.perform(get("/privacy/notice/idea?lang=" + lang)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(notice).as(lang).contains("BremDSGVOAG").doesNotContain("??");
        }
        assertThat(mvc.perform(get("/privacy/notice/idea?lang=de")).andReturn().getResponse().getContentAsString())
                .contains("Ideen, Unterstützung und Neuigkeiten", "180 Tage nach der letzten Entscheidung");
        assertThat(mvc.perform(get("/ideas/new?lab=vegesack").locale(Locale.GERMAN)).andReturn().getResponse()
                .getContentAsString()).contains("id=\"consent\"", "/privacy/notice/idea");
    }

    @Test
    void withdrawnAndRejectedIdeasGoAfterTheRetentionAndWaitingOnesLoseTheirContactAfterAYear() {
        var withdrawn = propose("vegesack", "Zurückgezogen", "zurueck@example.org");
        ideas.withdraw(withdrawn.token());
        long rejected = propose("vegesack", "Abgelehnt", null).id();
        ideas.reject(rejected, "Passt nicht zum Lab.", "coordinator");
        long waiting = propose("vegesack", "Wartet lange", "wartet.lange@example.org").id();
        long published = propose("vegesack", "Bleibt öffentlich", "bleibt@example.org").id();
        ideas.publish(published, false, "coordinator");

        job.deleteDue(Instant.now().plus(Duration.ofDays(179)));
        assertThat(ideas.idea(withdrawn.id())).as("not yet").isPresent();
        assertThat(ideas.idea(rejected)).as("not yet").isPresent();

        assertThat(job.deleteDue(Instant.now().plus(Duration.ofDays(181)))).isPositive();
        assertThat(ideas.idea(withdrawn.id())).isEmpty();
        assertThat(ideas.idea(rejected)).isEmpty();
        assertThat(ideas.idea(published).orElseThrow().text()).as("a public idea stays, without the name")
                .isEqualTo("Ein Text mit genug Zeichen für die Idee.");
        assertThat(ideas.idea(published).orElseThrow().email()).isNull();
        assertThat(ideas.idea(waiting).orElseThrow().email()).as("still waiting for review").isEqualTo("wartet.lange@example.org");

        job.deleteDue(Instant.now().plus(Duration.ofDays(366)));
        Idea abandoned = ideas.idea(waiting).orElseThrow();
        assertThat(abandoned.email()).as("left waiting a year").isNull();
        assertThat(abandoned.nickname()).isNull();
        assertThat(abandoned.title()).isEqualTo("Wartet lange");
    }
}
