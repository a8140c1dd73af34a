package eu.impactlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.impactlab.TestDatabase;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The test client on loopback is an ordinary client here: only 192.0.2.250 is a trusted proxy. Its forwarded headers
 * must change nothing: not the address the limits count, not the host in redirects and links. A low booking limit
 * makes the limit reachable; no IMPACTLAB_BASE_URL on an external database makes the app warn at start.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "impactlab.trusted-proxies=192.0.2.250", "impactlab.rate-limit.bookings-per-hour=3"})
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class UntrustedClientTest {

    private static final int LIMIT = 3;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "untrusted_client");
    }

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    private Http http() {
        return new Http("http://localhost:" + port);
    }

    @Test
    void aNewXForwardedForPerBookingDoesNotEscapeTheBookingLimit() throws Exception {
        Http http = http();
        HttpResponse<String> last = null;
        for (int i = 0; i <= LIMIT + 1; i++) {
            last = http.postJson("/api/v1/appointments", "{}", "X-Forwarded-For", "10.1." + i + ".1", "Accept-Language", "tr");
        }
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
        assertThat(last.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(last.body()).contains("\"status\":429", "\"title\":\"Lütfen biraz bekleyin\"");
    }

    @Test
    void aFormPostOverTheLimitGetsTheFriendlyPageInTheUsersLanguage() throws Exception {
        Http http = http();
        HttpResponse<String> last = null;
        for (int i = 0; i <= LIMIT + 1; i++) {
            last = http.postForm("/login", "/book/check?lang=tr", "topic=smartphone", "X-Forwarded-For", "10.2." + i + ".1");
        }
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(last.body()).contains("<html lang=\"tr\"", "Lütfen biraz bekleyin");
    }

    @Test
    void aNewXForwardedForPerAttemptDoesNotEscapeTheLoginThrottle() throws Exception {
        Http http = http();
        for (int i = 0; i < 20; i++) {
            assertThat(Http.location(http.login("nobody" + i, "falsch", "X-Forwarded-For", "10.3." + i + ".1")))
                    .endsWith("/login?error");
        }
        assertThat(Http.location(http.login("admin", "demo", "X-Forwarded-For", "10.3.99.1"))).endsWith("/login?throttled");
    }

    @Test
    void aForwardedHostFromAnUntrustedClientReachesNeitherRedirectsNorLinks() throws Exception {
        Http http = http();
        String[] evil = {"X-Forwarded-Host", "evil.example", "X-Forwarded-Proto", "https", "X-Forwarded-Port", "443",
                "Forwarded", "host=evil.example;proto=https"};
        HttpResponse<String> admin = http.get("/admin", evil);
        assertThat(admin.statusCode()).isEqualTo(302);
        assertThat(Http.location(admin)).doesNotContain("evil.example").startsWith("http://localhost:" + port + "/login");

        HttpResponse<String> courses = http.get("/api/v1/courses", evil);
        assertThat(courses.body()).doesNotContain("evil.example");
        JsonNode first = json.readTree(courses.body()).get(0);
        assertThat(first.get("url").asString()).startsWith("http://localhost:" + port + "/courses/");

        HttpResponse<String> page = http.get("/courses/" + first.get("id").asLong(), evil);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("evil.example").contains("http://localhost:" + port + "/courses/");
        assertThat(http.get("/courses.ics", evil).body()).doesNotContain("evil.example");
    }

    @Test
    void withoutABaseUrlOnAnExternalDatabaseTheAppWarnsOnceAtStart(CapturedOutput output) {
        assertThat(output.getAll()).containsOnlyOnce("IMPACTLAB_BASE_URL is not set");
    }
}
