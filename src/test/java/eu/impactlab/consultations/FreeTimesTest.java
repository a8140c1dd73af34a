package eu.impactlab.consultations;

import static org.assertj.core.api.Assertions.assertThat;

import eu.impactlab.AbstractIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Free times are never stale: a booking shows in the next answer, also for a browser that kept the last one. */
class FreeTimesTest extends AbstractIntegrationTest {

    private final HttpClient client = HttpClient.newHttpClient();

    @Autowired
    ObjectMapper json;

    @Test
    void eachBookingTakesOneHelperOffTheTimeUntilItIsGoneAndAKeptAnswerIsNotConfirmed() throws Exception {
        LocalDate day = LocalDate.now(SlotFinder.BREMEN).plusDays(9);
        String path = "/api/v1/labs/vegesack/slots?topic=smartphone&language=de&from=" + day + "&to=" + day.plusDays(6);
        HttpResponse<String> before = get(path, null);
        assertThat(before.statusCode()).isEqualTo(200);
        String etag = before.headers().firstValue("ETag").orElseThrow();
        assertThat(get(path, etag).statusCode()).as("nothing changed yet").isEqualTo(304);

        JsonNode slot = json.readTree(before.body()).get(0);
        String start = slot.get("start").asString();
        int available = slot.get("available").asInt();
        String body = """
                {"lab":"vegesack","topic":"smartphone","language":"de","start":"%s","mode":"IN_PERSON","consent":true}"""
                .formatted(start);
        for (int booked = 1; booked <= available; booked++) {
            assertThat(post(body).statusCode()).isEqualTo(201);
            HttpResponse<String> after = get(path, etag);
            assertThat(after.statusCode()).as("the kept answer is out of date").isEqualTo(200);
            etag = after.headers().firstValue("ETag").orElseThrow();
            JsonNode same = find(json.readTree(after.body()), start);
            if (booked < available) {
                assertThat(same.get("available").asInt()).isEqualTo(available - booked);
            } else {
                assertThat(same).as("a fully booked time is not offered").isNull();
            }
        }
    }

    private static JsonNode find(JsonNode slots, String start) {
        for (JsonNode s : slots) {
            if (s.get("start").asString().equals(start)) {
                return s;
            }
        }
        return null;
    }

    private HttpResponse<String> get(String path, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Accept", "application/json");
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/appointments"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
