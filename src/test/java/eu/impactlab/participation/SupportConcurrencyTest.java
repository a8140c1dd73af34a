package eu.impactlab.participation;

import static org.assertj.core.api.Assertions.assertThat;

import eu.impactlab.AbstractIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Many simultaneous taps: each browser counts exactly once, by the database's unique key. */
class SupportConcurrencyTest extends AbstractIntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ParticipationService ideas;

    IdeaFixtures fixtures;

    @org.junit.jupiter.api.BeforeEach
    void fixtures() {
        fixtures = new IdeaFixtures(ideas, jdbc);
    }

    @Test
    void twoHundredBrowsersAtOnceGiveExactlyTwoHundred() throws Exception {
        long id = fixtures.published("groepelingen", "Zweihundert auf einmal");
        List<Integer> statuses = all(200, i -> client(), id, null);
        assertThat(statuses).containsOnly(201).hasSize(200);
        assertThat(count(id)).isEqualTo(200);
    }

    @Test
    void fiftyTapsAtOnceFromOneBrowserGiveExactlyOne() throws Exception {
        long other = fixtures.published("vegesack", "Cookie holen");
        long id = fixtures.published("vegesack", "Fünfzig Taps");
        HttpResponse<String> first = client().send(request(other, null), HttpResponse.BodyHandlers.ofString());
        String cookie = first.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        assertThat(cookie).startsWith(BrowserIds.COOKIE + "=");
        List<Integer> statuses = all(50, i -> client(), id, cookie);
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(49);
        assertThat(count(id)).isEqualTo(1);
        // A made-up cookie is not this browser: it gets a new id instead of counting for someone else.
        HttpResponse<String> forged = client().send(request(id, BrowserIds.COOKIE + "=abc.def"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(201);
        assertThat(count(id)).isEqualTo(2);
    }

    private List<Integer> all(int n, java.util.function.IntFunction<HttpClient> clients, long id, String cookie) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                HttpClient client = clients.apply(i);
                results.add(pool.submit(() -> {
                    start.await();
                    return client.send(request(id, cookie), HttpResponse.BodyHandlers.discarding()).statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    private HttpRequest request(long id, String cookie) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/ideas/" + id + "/supports"))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return b.build();
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    private long count(long id) {
        return jdbc.sql("select count(*) from idea_support where idea_id = ?").param(id).query(Long.class).single();
    }
}
