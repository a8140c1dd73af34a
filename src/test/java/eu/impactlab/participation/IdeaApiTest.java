package eu.impactlab.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.AbstractIntegrationTest;
import jakarta.servlet.http.Cookie;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The open data and the public API: no session or CSRF token, errors in the caller's language, text stays text. */
class IdeaApiTest extends AbstractIntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ParticipationService ideas;

    IdeaFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new IdeaFixtures(ideas, jdbc);
    }

    @Test
    void proposingAnswers202WithThePrivateLinkAnd400WithFieldErrorsInTheCallersLanguage() throws Exception {
        String accepted = mvc.perform(post("/api/v1/ideas").contentType(MediaType.APPLICATION_JSON).content("""
                {"lab": "osterholz", "kind": "EQUIPMENT", "title": "Ein Vinylschneider",
                 "text": "Für Schilder und T-Shirts aus dem Stadtteil.", "language": "de", "consent": true}"""))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        assertThat(accepted).contains("\"status\":\"PENDING\"", "/ideas/manage/");
        String invalid = mvc.perform(post("/api/v1/ideas").header("Accept-Language", "tr").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"lab\": \"atlantis\", \"kind\": \"BOAT\", \"title\": \"x\", \"text\": \"\", \"consent\": false}"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(invalid).contains("\"lab\":\"Lütfen bir lab seçin.\"", "\"kind\"", "\"title\"", "\"text\"", "\"language\"", "\"consent\"");
        mvc.perform(get("/api/v1/ideas")).andExpect(status().isOk());
        assertThat(mvc.perform(get("/api/v1/ideas").param("lab", "osterholz")).andReturn().getResponse().getContentAsString())
                .as("nothing is public before a coordinator published it").doesNotContain("Ein Vinylschneider");
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheFirstIdeaAndAnotherProposalWithTheKeyIsRefused() throws Exception {
        String key = "retry-" + System.nanoTime();
        String body = """
                {"lab": "vegesack", "kind": "COURSE", "title": "Ein Kurs zum Schulportal",
                 "text": "Auf Arabisch, für Eltern, am Nachmittag.", "language": "de", "consent": true}""";
        // Ten retries of one proposal at once (a phone on a bad network): one idea, one mail, one private link.
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return mvc.perform(post("/api/v1/ideas").header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse().getStatus();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(202, 200);
        assertThat(statuses).filteredOn(s -> s == 202).hasSize(1);
        assertThat(jdbc.sql("select count(*) from idea where idempotency_key = ?").param("api:" + key).query(Long.class).single())
                .isEqualTo(1);
        String retry = mvc.perform(post("/api/v1/ideas").header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(retry).contains("\"status\":\"PENDING\"", "\"manageUrl\":null");
        mvc.perform(post("/api/v1/ideas").header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                        .content(body.replace("Schulportal", "Elternportal")))
                .andExpect(status().is(422));
        mvc.perform(post("/api/v1/ideas").header("Idempotency-Key", "x".repeat(81)).contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theListHasTheFieldsOfTheIssueAndSupportsCanBeWithdrawn() throws Exception {
        long id = fixtures.published("vegesack", "API <b>fett</b>");
        var first = mvc.perform(post("/api/v1/ideas/" + id + "/supports")).andExpect(status().isCreated()).andReturn().getResponse();
        Cookie browser = first.getCookie(BrowserIds.COOKIE);
        assertThat(browser).isNotNull();
        assertThat(browser.isHttpOnly()).isTrue();
        mvc.perform(post("/api/v1/ideas/" + id + "/supports").cookie(browser)).andExpect(status().isOk());
        String list = mvc.perform(get("/api/v1/ideas").param("lab", "vegesack").param("sort", "supports"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("\"id\":" + id, "\"lab\":\"vegesack\"", "\"kind\":\"PROJECT\"", "\"title\":\"API <b>fett</b>\"",
                "\"language\":\"de\"", "\"supports\":1", "\"confirmedSupports\":0", "\"answer\":null", "\"linkedCourseId\":null",
                "\"state\":null", "\"licence\":\"CC-BY-4.0\"");
        mvc.perform(delete("/api/v1/ideas/" + id + "/supports").cookie(browser)).andExpect(status().isOk());
        assertThat(ideas.idea(id).orElseThrow().supports()).isZero();
        mvc.perform(post("/api/v1/ideas/999999999/supports")).andExpect(status().isNotFound());
        assertThat(mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString())
                .contains("/api/v1/ideas", "/api/v1/ideas/{id}/supports");
    }

    @Test
    void theAtomFeedOfALabHasItsPublishedIdeasWithTheirAnswersAsText() throws Exception {
        long id = fixtures.published("osterholz", "Feed <script>alert(1)</script>");
        ideas.answer(id, "DONE", "Steht im Lab & läuft.", null, "coordinator");
        var response = mvc.perform(get("/labs/osterholz/ideas.atom")).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getContentType()).startsWith("application/atom+xml");
        assertThat(response.getContentAsString()).contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">",
                "/ideas/" + id + "</id>", "Feed &lt;script&gt;alert(1)&lt;/script&gt;", "Umgesetzt: Steht im Lab &amp; läuft.",
                "CC-BY-4.0").doesNotContain("<script>");
        mvc.perform(get("/labs/atlantis/ideas.atom")).andExpect(status().isNotFound());
        assertThat(mvc.perform(get("/labs/osterholz")).andReturn().getResponse().getContentAsString())
                .contains("href=\"/ideas?lab=osterholz\"", "href=\"/ideas/new?lab=osterholz\"");
    }
}
