package eu.impactlab.courses;

import static org.assertj.core.api.Assertions.assertThat;

import eu.impactlab.AbstractIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Free seats are never stale: a registration shows on the course page at once, also for a browser that kept it. */
class CoursePageFreshnessTest extends AbstractIntegrationTest {

    private final HttpClient client = HttpClient.newHttpClient();

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRegistrationChangesTheFreeSeatsOnTheNextRequest() throws Exception {
        long course = new CourseFixtures(jdbc).course("Frische-Kurs", 3, 12);
        HttpResponse<String> before = get("/courses/" + course, null);
        assertThat(before.body()).contains("Freie Plätze: 3 von 3");
        String etag = before.headers().firstValue("ETag").orElseThrow();
        assertThat(get("/courses/" + course, etag).statusCode()).isEqualTo(304);

        HttpResponse<String> registered = client.send(HttpRequest.newBuilder(
                        URI.create(baseUrl() + "/api/v1/courses/" + course + "/registrations"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"name":"Amira","email":"amira@example.org","consent":true}""")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(registered.statusCode()).isEqualTo(201);

        HttpResponse<String> after = get("/courses/" + course, etag);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).contains("Freie Plätze: 2 von 3");
    }

    private HttpResponse<String> get(String path, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Accept-Language", "de");
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
