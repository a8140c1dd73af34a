package eu.impactlab.courses;

import static org.assertj.core.api.Assertions.assertThat;

import eu.impactlab.AbstractIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The public courses API against the real server, as an app or a city portal would use it. */
class CourseApiTest extends AbstractIntegrationTest {

    private final HttpClient client = HttpClient.newHttpClient();

    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcClient jdbc;

    @Test
    void upcomingCoursesComeWithTitlesInTheRequestedLanguageSeatsAndSessionsAndCanBeFiltered() throws Exception {
        JsonNode all = get("/api/v1/courses?lang=tr", "de");
        assertThat(all.size()).isGreaterThanOrEqualTo(12);
        JsonNode seniors = find(all, "Yaşlılar için akıllı telefon temel bilgileri");
        assertThat(seniors.get("lab").asString()).isEqualTo("groepelingen");
        assertThat(seniors.get("capacity").asInt()).isEqualTo(8);
        assertThat(seniors.get("freeSeats").asInt()).isBetween(0, 8);
        assertThat(seniors.get("waitlistLength").asInt()).isGreaterThanOrEqualTo(0);
        assertThat(seniors.get("sessions").size()).isEqualTo(4);
        assertThat(seniors.get("sessions").get(0).get("start").asString()).matches("\\d{4}-\\d\\d-\\d\\dT10:00(:00)?\\+0[12]:00");
        assertThat(seniors.get("targetGroups").toString()).contains("SENIORS");

        JsonNode vegesack = get("/api/v1/courses?lab=vegesack", "en");
        assertThat(vegesack.size()).isPositive();
        vegesack.forEach(c -> assertThat(c.get("lab").asString()).isEqualTo("vegesack"));
        JsonNode girls = get("/api/v1/courses?targetGroup=WOMEN_AND_GIRLS", "en");
        assertThat(girls.toString()).contains("Girls' Digital Day: coding with the Calliope mini");
        girls.forEach(c -> assertThat(c.get("targetGroups").toString()).contains("WOMEN_AND_GIRLS"));

        LocalDate today = LocalDate.now(CourseFixtures.BREMEN);
        JsonNode thisWeek = get("/api/v1/courses?from=" + today + "&to=" + today.plusDays(7), "de");
        JsonNode later = get("/api/v1/courses?from=" + today.plusDays(8) + "&to=" + today.plusDays(60), "de");
        assertThat(thisWeek.size() + later.size()).isGreaterThanOrEqualTo(all.size());
        thisWeek.forEach(c -> assertThat(c.get("sessions").toString()).containsAnyOf(
                today.toString(), today.plusDays(1).toString(), today.plusDays(2).toString(), today.plusDays(3).toString(),
                today.plusDays(4).toString(), today.plusDays(5).toString(), today.plusDays(6).toString(),
                today.plusDays(7).toString()));
    }

    @Test
    void registeringGivesASeatThenTheWaitlistWithItsPositionAndTheManageLinkAnswersInJsonAndCancels() throws Exception {
        long course = new CourseFixtures(jdbc).course("API-Kurs", 1, 9);
        HttpResponse<String> first = register(course, """
                {"name":"Amira","email":"amira@example.org","consent":true}""", "ar", null);
        assertThat(first.statusCode()).isEqualTo(201);
        JsonNode seat = json.readTree(first.body());
        assertThat(seat.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(seat.has("waitlistPosition")).as("only on the waitlist").isFalse();
        String manage = seat.get("manageUrl").asString();
        assertThat(manage).matches(java.util.regex.Pattern.quote(baseUrl()) + "/courses/registrations/[A-Za-z0-9_-]{43}");
        assertThat(first.headers().firstValue("Location")).contains(manage);

        JsonNode waiting = json.readTree(register(course, """
                {"name":"Bo","phone":"0421 123456","consent":true,"ageBand":"FROM_18_TO_29","gender":"NOT_STATED","stadtteil":"Walle"}""",
                "de", null).body());
        assertThat(waiting.get("status").asString()).isEqualTo("WAITLISTED");
        assertThat(waiting.get("waitlistPosition").asInt()).isEqualTo(1);

        String path = URI.create(manage).getPath();
        JsonNode status = get(path, "de");
        assertThat(status.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(status.get("courseId").asLong()).isEqualTo(course);
        String waitingPath = URI.create(waiting.get("manageUrl").asString()).getPath();
        assertThat(get(waitingPath, "de").get("waitlistPosition").asInt()).isEqualTo(1);

        HttpResponse<String> cancelled = post(path + "/cancel", "", "de", null);
        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(json.readTree(cancelled.body()).get("status").asString()).isEqualTo("CANCELLED");
        assertThat(post(path + "/cancel", "", "de", null).statusCode()).as("twice").isEqualTo(409);
        JsonNode movedUp = get(waitingPath, "de");
        assertThat(movedUp.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(movedUp.get("waitlistPosition").isNull()).isTrue();
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheSameRegistrationAndSavesNothingNew() throws Exception {
        long course = new CourseFixtures(jdbc).course("Idempotenz", 5, 9);
        String body = """
                {"name":"Retry","consent":true}""";
        HttpResponse<String> first = register(course, body, "de", "retry-course-1");
        HttpResponse<String> again = register(course, body, "de", "retry-course-1");
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json.readTree(again.body()).get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(new CourseFixtures(jdbc).registrations(course)).isEqualTo(1);

        long other = new CourseFixtures(jdbc).course("Anderer Kurs", 5, 9);
        HttpResponse<String> reused = register(other, body, "en", "retry-course-1");
        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(json.readTree(reused.body()).get("detail").asString()).contains("different request");
        assertThat(new CourseFixtures(jdbc).registrations(other)).isZero();
    }

    @Test
    void badInputGets400WithFieldErrorsInTheCallersLanguageAndSavesNothing() throws Exception {
        long course = new CourseFixtures(jdbc).course("Fehler", 5, 9);
        HttpResponse<String> response = register(course, """
                {"name":"%s","email":"keine-mail","phone":"ruf an","consent":false,"ageBand":"OLD","stadtteil":"Atlantis"}"""
                .formatted("x".repeat(300)), "pl", null);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
        JsonNode errors = json.readTree(response.body()).get("errors");
        assertThat(errors.propertyNames()).contains("name", "email", "phone", "consent", "ageBand", "stadtteil");
        assertThat(errors.get("consent").asString()).contains("Potwierdź");
        assertThat(errors.get("name").asString()).contains("80");
        assertThat(register(course, "{\"consent\":true}", "de", null).statusCode()).as("no name").isEqualTo(400);
        assertThat(new CourseFixtures(jdbc).registrations(course)).isZero();
    }

    @Test
    void closedPastNotYetOpenAndCancelledCoursesAnswer409AndUnknownOnes404() throws Exception {
        CourseFixtures fixtures = new CourseFixtures(jdbc);
        String body = "{\"name\":\"Zu spät\",\"consent\":true}";
        long closed = fixtures.course("Geschlossen", 5, 9);
        jdbc.sql("update course set registration_closed = true where id = ?").param(closed).update();
        long past = fixtures.course("Vorbei", 5, -3);
        long notYet = fixtures.course("groepelingen", "Bald", 5, Instant.now().plus(2, ChronoUnit.DAYS), null, 9);
        long windowOver = fixtures.course("groepelingen", "Fenster zu", 5, null, Instant.now().minus(1, ChronoUnit.HOURS), 9);
        long cancelled = fixtures.course("Abgesagt", 5, 9);
        jdbc.sql("update course set status = 'CANCELLED', cancelled_at = ? where id = ?")
                .params(Timestamp.from(Instant.now()), cancelled).update();

        for (long course : new long[] {closed, past, notYet, windowOver, cancelled}) {
            HttpResponse<String> refused = register(course, body, "de", null);
            assertThat(refused.statusCode()).as("course " + course).isEqualTo(409);
            assertThat(json.readTree(refused.body()).get("detail").asString()).isNotBlank();
            assertThat(fixtures.registrations(course)).isZero();
        }
        assertThat(json.readTree(register(cancelled, body, "ru", null).body()).get("detail").asString()).contains("отменён");
        assertThat(json.readTree(register(notYet, body, "en", null).body()).get("reason").asString()).isEqualTo("NOT_YET_OPEN");
        assertThat(register(999_999, body, "de", null).statusCode()).isEqualTo(404);
    }

    @Test
    void theApiIsDocumented() throws Exception {
        JsonNode docs = get("/v3/api-docs", "de");
        assertThat(docs.get("paths").has("/api/v1/courses")).isTrue();
        assertThat(docs.get("paths").has("/api/v1/courses/{id}/registrations")).isTrue();
        assertThat(docs.get("paths").get("/api/v1/courses/{id}/registrations").toString()).contains("Idempotency-Key");
    }

    private static JsonNode find(JsonNode courses, String title) {
        for (JsonNode c : courses) {
            if (c.get("title").asString().equals(title)) {
                return c;
            }
        }
        throw new AssertionError("no course " + title + " in " + courses);
    }

    private HttpResponse<String> register(long course, String body, String language, String key) throws Exception {
        return post("/api/v1/courses/" + course + "/registrations", body, language, key);
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
