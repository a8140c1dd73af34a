package eu.impactlab.consultations;

import static org.assertj.core.api.Assertions.assertThat;

import eu.impactlab.AbstractIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The public booking API against the real server, as an app or a city portal would use it. */
class BookingApiTest extends AbstractIntegrationTest {

    private final HttpClient client = HttpClient.newHttpClient();

    @Autowired
    ObjectMapper json;

    @Test
    void topicsComeInTheRequestedLanguage() throws Exception {
        JsonNode topics = get("/api/v1/topics", "tr");
        assertThat(topics.size()).isEqualTo(10);
        assertThat(topics.get(1).get("key").asString()).isEqualTo("smartphone");
        assertThat(topics.get(1).get("title").asString()).isEqualTo("Akıllı telefon ve tablet");
        assertThat(topics.get(1).get("minutes").asInt()).isEqualTo(30);
    }

    @Test
    void aFreshStartOffersFreeTimesInTheNextSevenDaysInGermanAndOtherLanguages() throws Exception {
        for (String language : List.of("de", "tr", "ar", "ru", "uk", "pl")) {
            int total = 0;
            for (String lab : List.of("groepelingen", "vegesack", "osterholz")) {
                total += get("/api/v1/labs/" + lab + "/slots?topic=smartphone&language=" + language, "de").size();
            }
            assertThat(total).as("free times in " + language).isPositive();
        }
        JsonNode slot = get("/api/v1/labs/groepelingen/slots?topic=jobs&language=ar", "de").get(0);
        assertThat(OffsetDateTime.parse(slot.get("start").asString())).isAfter(OffsetDateTime.now());
        assertThat(slot.get("start").asString()).matches(".*[+-]0[12]:00");
        assertThat(slot.get("modes").toString()).contains("IN_PERSON");
        assertThat(slot.get("available").asInt()).isPositive();
    }

    @Test
    void bookingGivesACodeAManageLinkAndACalendarLinkAndTheManageLinkCancels() throws Exception {
        JsonNode slot = firstSlot("vegesack", "email-messaging", "uk");
        HttpResponse<String> booked = post("/api/v1/appointments", """
                {"lab":"vegesack","topic":"email-messaging","language":"uk","start":"%s","mode":"IN_PERSON",
                 "name":"Оксана","email":"oksana@example.org","consent":true}""".formatted(slot.get("start").asString()), "uk", null);
        assertThat(booked.statusCode()).isEqualTo(201);
        JsonNode body = json.readTree(booked.body());
        assertThat(body.get("code").asString()).matches("[2-9A-Z]{2}-[2-9A-Z]{3}");
        assertThat(body.get("start").asString()).isEqualTo(slot.get("start").asString());
        assertThat(body.get("lab").asString()).isEqualTo("vegesack");
        String manage = body.get("manageUrl").asString();
        assertThat(manage).matches(java.util.regex.Pattern.quote(baseUrl()) + "/appointments/[A-Za-z0-9_-]{43}");
        assertThat(body.get("calendarUrl").asString()).isEqualTo(manage + "/calendar.ics");
        assertThat(booked.headers().firstValue("Location")).contains(manage);

        String path = URI.create(manage).getPath();
        JsonNode seen = get(path, "uk");
        assertThat(seen.get("status").asString()).isEqualTo("BOOKED");
        assertThat(seen.get("code").asString()).isEqualTo(body.get("code").asString());

        HttpResponse<String> cancelled = post(path + "/cancel", "", "uk", null);
        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(get(path, "uk").get("status").asString()).isEqualTo("CANCELLED");
    }

    @Test
    void badInputGetsFieldErrorsInTheCallersLanguageAndSavesNothing() throws Exception {
        HttpResponse<String> response = post("/api/v1/appointments", """
                {"lab":"atlantis","topic":"astrology","language":"xx","start":"morgen früh","mode":"TELEPATHY",
                 "name":"%s","email":"nicht-mail","phone":"ruf mich an","consent":false}""".formatted("x".repeat(500)), "de", null);
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode errors = json.readTree(response.body()).get("errors");
        assertThat(errors.propertyNames()).contains("lab", "topic", "language", "start", "mode", "name", "email", "phone", "consent");
        assertThat(errors.get("consent").asString()).contains("bestätigen");

        JsonNode past = json.readTree(post("/api/v1/appointments", """
                {"lab":"groepelingen","topic":"jobs","language":"de","start":"2020-01-01T10:00:00+01:00","mode":"IN_PERSON","consent":true}""",
                "en", null).body());
        assertThat(past.get("errors").get("start").asString()).contains("later time");
    }

    @Test
    void aRetriedCallWithTheSameIdempotencyKeyBooksOnce() throws Exception {
        JsonNode slot = firstSlot("osterholz", "learning", "fa");
        String body = """
                {"lab":"osterholz","topic":"learning","language":"fa","start":"%s","mode":"PHONE","consent":true}"""
                .formatted(slot.get("start").asString());
        HttpResponse<String> first = post("/api/v1/appointments", body, "de", "retry-test-1");
        HttpResponse<String> second = post("/api/v1/appointments", body, "de", "retry-test-1");
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(json.readTree(second.body()).get("code").asString())
                .isEqualTo(json.readTree(first.body()).get("code").asString());
    }

    /** Many people press "book" on the last free time at once: exactly as many get it as helpers are free. */
    @RepeatedTest(3)
    void manyClientsOnOneFreeTimeGetExactlyTheAvailableAppointmentsAndTheRest409() throws Exception {
        JsonNode slot = lastSlot("groepelingen", "smartphone", "de");
        int available = slot.get("available").asInt();
        int clients = 24;
        String body = """
                {"lab":"groepelingen","topic":"smartphone","language":"de","start":"%s","mode":"IN_PERSON","consent":true}"""
                .formatted(slot.get("start").asString());

        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            results.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                return post("/api/v1/appointments", body, "de", null).statusCode();
            }));
        }
        ready.await();
        go.countDown();
        int created = 0;
        int conflicts = 0;
        for (Future<Integer> result : results) {
            int status = result.get();
            if (status == 201) {
                created++;
            } else if (status == 409) {
                conflicts++;
            }
        }
        pool.shutdown();
        assertThat(created).as("appointments made").isEqualTo(available);
        assertThat(conflicts).as("clients told the time is taken").isEqualTo(clients - available);
        JsonNode after = get("/api/v1/labs/groepelingen/slots?topic=smartphone&language=de&from="
                + slot.get("start").asString().substring(0, 10) + "&to=" + slot.get("start").asString().substring(0, 10), "de");
        for (JsonNode s : after) {
            assertThat(s.get("start").asString()).isNotEqualTo(slot.get("start").asString());
        }
    }

    @Test
    void aTakenTimeAnswers409WithTheNearestFreeTimes() throws Exception {
        JsonNode slot = firstSlot("osterholz", "banking-safety", "ar");
        int available = slot.get("available").asInt();
        String body = """
                {"lab":"osterholz","topic":"banking-safety","language":"ar","start":"%s","mode":"IN_PERSON","consent":true}"""
                .formatted(slot.get("start").asString());
        for (int i = 0; i < available; i++) {
            assertThat(post("/api/v1/appointments", body, "ar", null).statusCode()).isEqualTo(201);
        }
        HttpResponse<String> taken = post("/api/v1/appointments", body, "ar", null);
        assertThat(taken.statusCode()).isEqualTo(409);
        JsonNode conflict = json.readTree(taken.body());
        assertThat(conflict.get("alternatives").size()).isBetween(1, 5);
        assertThat(conflict.get("message").asString()).contains("يُرجى");
    }

    private JsonNode firstSlot(String lab, String topic, String language) throws Exception {
        JsonNode slots = get("/api/v1/labs/" + lab + "/slots?topic=" + topic + "&language=" + language, "de");
        assertThat(slots.size()).as("free times at " + lab).isPositive();
        return slots.get(0);
    }

    private JsonNode lastSlot(String lab, String topic, String language) throws Exception {
        LocalDate today = LocalDate.now();
        JsonNode slots = get("/api/v1/labs/" + lab + "/slots?topic=" + topic + "&language=" + language
                + "&from=" + today + "&to=" + today.plusDays(14), "de");
        assertThat(slots.size()).isPositive();
        return slots.get(slots.size() - 1);
    }

    private JsonNode get(String path, String language) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Accept", "application/json").header("Accept-Language", language).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET " + path + ": " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> post(String path, String body, String language, String idempotencyKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Accept-Language", language).POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
