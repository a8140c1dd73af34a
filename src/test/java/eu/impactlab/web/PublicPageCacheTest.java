package eu.impactlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.TestCourses;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rendered public pages kept in memory: a kept page is the one a visitor without a session would have got anyway,
 * it changes on the next request when anything it shows changes (written straight into the database, as another app
 * instance would), and it never reaches a request with a session or in another language.
 */
class PublicPageCacheTest extends AbstractIntegrationTest {

    private final HttpClient client = HttpClient.newHttpClient();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PublicPageCache cache;

    @Test
    void aRepeatedRequestGetsTheKeptBytesWithTheSameTagAndTheSecurityHeaders() throws Exception {
        cache.clear();
        HttpResponse<String> first = get("/labs/groepelingen", "de");
        assertThat(cache.size()).isEqualTo(1);
        HttpResponse<String> again = get("/labs/groepelingen", "de");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag"));
        assertThat(again.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(again.headers().firstValue("Content-Language")).hasValue("de");
        assertThat(again.headers().firstValue("Cache-Control")).hasValue("private, no-cache");
        assertThat(again.headers().firstValue("Content-Security-Policy")).hasValue(SecurityConfiguration.CONTENT_SECURITY_POLICY);
        assertThat(again.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(again.headers().map()).doesNotContainKey("set-cookie");

        HttpResponse<String> notModified = send(request("/labs/groepelingen", "de")
                .header("If-None-Match", first.headers().firstValue("ETag").orElseThrow()));
        assertThat(notModified.statusCode()).isEqualTo(304);
    }

    @Test
    void requestsThatMissTogetherShareOneRenderingAndAllGetItsBytes() throws Exception {
        cache.clear();
        int before = cache.renderings();
        int n = 16;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            java.util.List<java.util.concurrent.Future<HttpResponse<String>>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return get("/courses", "ar");
                }));
            }
            go.countDown();
            java.util.Set<String> bodies = new java.util.HashSet<>();
            for (java.util.concurrent.Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get(60, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.headers().firstValue("Content-Language")).hasValue("ar");
                assertThat(response.headers().map()).doesNotContainKey("set-cookie");
                bodies.add(response.body());
            }
            assertThat(bodies).as("every request got the same page").hasSize(1);
            assertThat(cache.renderings() - before)
                    .as("one rendering shared by all (a second one only if the minute turned meanwhile)").isBetween(1, 2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aKeptLabPageShowsAChangeByAnotherInstanceOnTheNextRequest() throws Exception {
        String original = jdbc.sql("select description from lab_text t join lab l on l.id = t.lab_id "
                + "where l.slug = 'vegesack' and t.language = 'de'").query(String.class).single();
        get("/labs/vegesack", "de");
        get("/", "de");
        assertThat(get("/labs/vegesack", "de").body()).doesNotContain("Neu: Hilfe beim Drucken.")
                .doesNotContain("Anderer Grund");
        try {
            jdbc.sql("update lab_text set description = 'Neu: Hilfe beim Drucken.' from lab "
                    + "where lab.id = lab_text.lab_id and lab.slug = 'vegesack' and lab_text.language = 'de'").update();
            assertThat(get("/labs/vegesack", "de").body()).contains("Neu: Hilfe beim Drucken.");

            // A closure entered elsewhere shows on the lab page at once.
            jdbc.sql("insert into lab_exception (lab_id, day, closed, reason) select id, current_date + 11, true, 'OTHER' "
                    + "from lab where slug = 'vegesack'").update();
            assertThat(get("/labs/vegesack", "de").body()).contains("Anderer Grund");
        } finally {
            jdbc.sql("delete from lab_exception where day = current_date + 11 and lab_id = (select id from lab where slug = 'vegesack')")
                    .update();
            jdbc.sql("update lab_text set description = ? from lab "
                    + "where lab.id = lab_text.lab_id and lab.slug = 'vegesack' and lab_text.language = 'de'")
                    .param(original).update();
        }
        assertThat(get("/labs/vegesack", "de").body()).doesNotContain("Neu: Hilfe beim Drucken.");
    }

    @Test
    void keptCoursePagesShowTheFreeSeatsAndTitlesOfNow() throws Exception {
        long course = TestCourses.published(jdbc, "groepelingen", 8, "Kurs im Zwischenspeicher", 5);
        try {
            assertThat(get("/courses/" + course, "de").body()).contains("Freie Plätze: 8 von 8");
            assertThat(get("/courses/" + course, "de").body()).contains("Freie Plätze: 8 von 8");
            get("/courses?lab=groepelingen", "de");

            // Three people registered on another instance.
            jdbc.sql("update course set confirmed_count = 3 where id = ?").param(course).update();
            assertThat(get("/courses/" + course, "de").body()).contains("Freie Plätze: 5 von 8");

            jdbc.sql("update course_text set title = 'Kurs, umbenannt' where course_id = ?").param(course).update();
            assertThat(get("/courses?lab=groepelingen", "de").body()).contains("Kurs, umbenannt")
                    .doesNotContain("Kurs im Zwischenspeicher");

            jdbc.sql("update course set status = 'CANCELLED', cancelled_at = now(), confirmed_count = 0 where id = ?")
                    .param(course).update();
            assertThat(get("/courses?lab=groepelingen", "de").body()).doesNotContain("Kurs, umbenannt");
        } finally {
            jdbc.sql("delete from course where id = ?").param(course).update();
        }
        assertThat(get("/courses/" + course, "de").statusCode()).isEqualTo(404);
    }

    @Test
    void theKeptTopicsStepShowsARenamedTopic() throws Exception {
        String original = jdbc.sql("select title from topic_title where topic_key = 'smartphone' and language = 'de'")
                .query(String.class).single();
        assertThat(get("/book/topic", "de").body()).contains(original.replace("&", "&amp;"));
        try {
            jdbc.sql("update topic_title set title = 'Handy und Tablet' where topic_key = 'smartphone' and language = 'de'")
                    .update();
            assertThat(get("/book/topic", "de").body()).contains("Handy und Tablet");
        } finally {
            jdbc.sql("update topic_title set title = ? where topic_key = 'smartphone' and language = 'de'").param(original)
                    .update();
        }
    }

    @Test
    void languagesNeverMix() throws Exception {
        for (int round = 0; round < 3; round++) {
            for (String page : new String[] {"/", "/labs/groepelingen", "/courses", "/book"}) {
                assertThat(get(page, "de").body()).containsPattern("<html[^>]* lang=\"de\"");
                assertThat(get(page, "ar").body()).containsPattern("<html[^>]* lang=\"ar\"").containsPattern(" dir=\"rtl\"");
                assertThat(get(page, "uk").body()).containsPattern("<html[^>]* lang=\"uk\"");
            }
        }
        // The remembered choice wins over the browser's language, kept or not.
        HttpResponse<String> chosen = send(request("/", "de").header("Cookie", "lang=tr"));
        assertThat(chosen.body()).containsPattern("<html[^>]* lang=\"tr\"");
        // A switch sets the cookie: that answer is not kept, and German visitors still get German.
        HttpResponse<String> switched = get("/?lang=ru", "de");
        assertThat(switched.body()).containsPattern("<html[^>]* lang=\"ru\"");
        assertThat(get("/", "de").body()).containsPattern("<html[^>]* lang=\"de\"");
    }

    @Test
    void aLoggedInPersonNeverGetsTheKeptPageAndNobodyGetsTheirs() throws Exception {
        String anonymous = get("/", "de").body();
        get("/", "de");
        assertThat(anonymous).doesNotContain("_csrf").contains("href=\"/login\"");

        Http coordinator = new Http(baseUrl());
        assertThat(Http.location(coordinator.login("coordinator", "demo"))).doesNotContain("error");
        String own = coordinator.get("/", "Accept-Language", "de").body();
        assertThat(own).contains("name=\"_csrf\"").contains("action=\"/logout\"").doesNotContain("href=\"/login\"");

        // Afterwards, somebody without a session gets the public page: no logout form, no token.
        String after = get("/", "de").body();
        assertThat(after).doesNotContain("_csrf").doesNotContain("/logout").contains("href=\"/login\"");
        // And the logged-in person's next request is rendered for them again, with their own form.
        assertThat(coordinator.get("/", "Accept-Language", "de").body()).contains("action=\"/logout\"");
    }

    @Test
    void aRequestThatBringsASessionIsNeitherAnsweredFromNorKeptInMemory() throws Exception {
        cache.clear();
        HttpResponse<String> response = send(request("/", "de").header("Cookie", "JSESSIONID=0123456789ABCDEF"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(cache.size()).isZero();
    }

    private HttpResponse<String> get(String path, String language) throws Exception {
        return send(request(path, language));
    }

    private HttpRequest.Builder request(String path, String language) {
        return HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Accept-Language", language);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
