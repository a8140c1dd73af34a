package eu.impactlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.TestCourses;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Idempotency keys are bound to their request (issue 17.2): a repeat gets the first result without private links, the
 * same key with another body gets 422, keys of up to 80 characters work, and a key counts for 24 hours.
 */
// video is offered only with a configured service; the same settings as VideoServiceConfiguredTest and
// ContactFormTimingTest share one context (each context costs 15–20 s)
@TestPropertySource(properties = {"impactlab.consultations.video-base-url=https://video.lab.example",
        "impactlab.rate-limit.min-fill-time=10s"})
class IdempotencyKeysTest extends AbstractIntegrationTest {

    private static final ZoneId BREMEN = ZoneId.of("Europe/Berlin");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    private PublicClient client;

    @BeforeEach
    void client() {
        client = new PublicClient(port);
    }

    @Test
    void aRepeatWithTheSameBodyGetsTheSameBookingWithoutTheVideoLinkAndAnotherBodyGets422() throws Exception {
        JsonNode slot = videoSlot();
        String body = """
                {"lab":"groepelingen","topic":"smartphone","language":"de","start":"%s","mode":"VIDEO",
                 "name":"Erste","email":"erste@example.org","consent":true}""".formatted(slot.get("start").asString());
        HttpResponse<String> first = client.postJson("/api/v1/appointments", body, "de", "bound-1");
        assertThat(first.statusCode()).isEqualTo(201);
        JsonNode booked = json.readTree(first.body());
        assertThat(booked.get("meetingUrl").asString()).startsWith("http");

        // The same request, written differently (other order and spacing), is the same request.
        String sameAgain = """
                {"consent":true, "email":"erste@example.org", "name":"Erste", "mode":"VIDEO", "start":"%s",
                 "language":"de", "topic":"smartphone", "lab":"groepelingen"}""".formatted(slot.get("start").asString());
        HttpResponse<String> repeat = client.postJson("/api/v1/appointments", sameAgain, "de", "bound-1");
        assertThat(repeat.statusCode()).isEqualTo(200);
        JsonNode repeated = json.readTree(repeat.body());
        assertThat(repeated.get("code").asString()).isEqualTo(booked.get("code").asString());
        assertThat(repeated.get("status").asString()).isEqualTo("BOOKED");
        assertThat(repeated.get("meetingUrl").isNull()).as("no video link for a repeat").isTrue();
        assertThat(repeated.get("manageUrl").isNull()).isTrue();
        assertThat(repeat.body()).doesNotContain("erste@example.org", "Erste");

        HttpResponse<String> empty = client.postJson("/api/v1/appointments", "{}", "en", "bound-1");
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(json.readTree(empty.body()).get("detail").asString()).contains("different request");
        assertThat(empty.body()).doesNotContain(booked.get("code").asString(), "meet");

        HttpResponse<String> other = client.postJson("/api/v1/appointments", body.replace("Erste", "Zweite"), "de", "bound-1");
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(json.readTree(other.body()).get("detail").asString()).contains("andere Anfrage");
        assertThat(jdbc.sql("select count(*) from appointment where idempotency_key = 'api:bound-1'").query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void keysOf80CharactersWorkAndLongerOnesGetA400() throws Exception {
        JsonNode slot = slot("osterholz", "smartphone");
        String body = """
                {"lab":"osterholz","topic":"smartphone","language":"de","start":"%s","mode":"IN_PERSON","consent":true}"""
                .formatted(slot.get("start").asString());
        String key80 = "k".repeat(79) + "1";
        assertThat(client.postJson("/api/v1/appointments", body, "de", key80).statusCode()).isEqualTo(201);
        assertThat(client.postJson("/api/v1/appointments", body, "de", key80).statusCode()).isEqualTo(200);
        HttpResponse<String> tooLong = client.postJson("/api/v1/appointments", body, "en", "k".repeat(81));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(json.readTree(tooLong.body()).get("errors").get("idempotencyKey").asString()).contains("1 to 80");

        long course = course();
        String registration = """
                {"name":"Kurs Retry","consent":true}""";
        assertThat(client.postJson("/api/v1/courses/" + course + "/registrations", registration, "de", key80).statusCode())
                .isEqualTo(201);
        assertThat(client.postJson("/api/v1/courses/" + course + "/registrations", registration, "de", key80).statusCode())
                .isEqualTo(200);
        assertThat(client.postJson("/api/v1/courses/" + course + "/registrations", registration, "de", "k".repeat(81))
                .statusCode()).isEqualTo(400);
    }

    @Test
    void aCourseRegistrationKeyWithAnotherBodyGets422AndSavesNothing() throws Exception {
        long course = course();
        String path = "/api/v1/courses/" + course + "/registrations";
        HttpResponse<String> first = client.postJson(path, """
                {"name":"Ayşe","email":"ayse@example.org","consent":true}""", "tr", "course-bound-1");
        assertThat(first.statusCode()).isEqualTo(201);
        HttpResponse<String> repeat = client.postJson(path, """
                {"consent":true,"email":"ayse@example.org","name":"Ayşe"}""", "tr", "course-bound-1");
        assertThat(repeat.statusCode()).isEqualTo(200);
        assertThat(repeat.body()).doesNotContain("ayse@example.org", "manageUrl");

        HttpResponse<String> empty = client.postJson(path, "{}", "tr", "course-bound-1");
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(json.readTree(empty.body()).get("detail").asString()).contains("başka bir istek");
        assertThat(jdbc.sql("select count(*) from course_registration where course_id = ?").param(course)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aKeyCountsFor24Hours() throws Exception {
        JsonNode slot = slot("vegesack", "smartphone");
        String body = """
                {"lab":"vegesack","topic":"smartphone","language":"de","start":"%s","mode":"IN_PERSON","consent":true}"""
                .formatted(slot.get("start").asString());
        assertThat(client.postJson("/api/v1/appointments", body, "de", "day-old").statusCode()).isEqualTo(201);
        jdbc.sql("update appointment set created_at = now() - interval '25 hours' where idempotency_key = 'api:day-old'").update();

        HttpResponse<String> later = client.postJson("/api/v1/appointments", body.replace("IN_PERSON", "PHONE"), "de", "day-old");
        assertThat(later.statusCode()).as(later.body()).isIn(201, 409);
        assertThat(jdbc.sql("select count(*) from appointment where idempotency_key = 'api:day-old'").query(Long.class).single())
                .isEqualTo(later.statusCode() == 201 ? 1 : 0);

        long course = course();
        String path = "/api/v1/courses/" + course + "/registrations";
        assertThat(client.postJson(path, "{\"name\":\"Alt\",\"consent\":true}", "de", "day-old-course").statusCode()).isEqualTo(201);
        jdbc.sql("update course_registration set created_at = now() - interval '25 hours' where idempotency_key = 'api:day-old-course'")
                .update();
        assertThat(client.postJson(path, "{\"name\":\"Neu\",\"consent\":true}", "de", "day-old-course").statusCode()).isEqualTo(201);
    }

    @Test
    void theBookingFormsKeyIsBoundToItsAnswersToo() throws Exception {
        JsonNode slot = slot("osterholz", "jobs");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("topic", "jobs");
        form.put("language", "de");
        form.put("lab", "osterholz");
        form.put("start", OffsetDateTime.parse(slot.get("start").asString()).atZoneSameInstant(BREMEN).toLocalDateTime().toString());
        form.put("mode", "IN_PERSON");
        form.put("name", "Formular");
        form.put("consent", "true");
        form.put("key", UUID.randomUUID().toString());
        assertThat(client.postForm("/book/confirm", form, "de").statusCode()).isEqualTo(302);

        // Back, another name, "book" again from another browser: no second booking, and a clear word why.
        form.put("name", "Jemand anderes");
        HttpResponse<String> again = new PublicClient(port).postForm("/book/confirm", form, "de");
        assertThat(again.body()).contains("class=\"error-summary\"", "schon mit anderen Angaben gesendet");
        assertThat(jdbc.sql("select count(*) from appointment where idempotency_key = ?").param("form:" + form.get("key"))
                .query(Long.class).single()).isEqualTo(1);
    }

    private JsonNode videoSlot() throws Exception {
        for (JsonNode slot : slots("groepelingen", "smartphone")) {
            if (slot.get("modes").toString().contains("VIDEO")) {
                return slot;
            }
        }
        throw new AssertionError("no free time with video at Gröpelingen");
    }

    private JsonNode slot(String lab, String topic) throws Exception {
        JsonNode all = slots(lab, topic);
        assertThat(all.size()).isPositive();
        return all.get(all.size() / 2);
    }

    private JsonNode slots(String lab, String topic) throws Exception {
        LocalDate today = LocalDate.now(BREMEN);
        HttpResponse<String> slots = client.get("/api/v1/labs/" + lab + "/slots?topic=" + topic + "&language=de&from="
                + today + "&to=" + today.plusDays(14), "de");
        assertThat(slots.statusCode()).isEqualTo(200);
        return json.readTree(slots.body());
    }

    /** A published course at Gröpelingen with one session in ten days. */
    private long course() {
        return TestCourses.published(jdbc, "groepelingen", 10, "Idempotenz", 10);
    }
}
