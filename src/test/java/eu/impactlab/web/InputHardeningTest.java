package eu.impactlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.impactlab.AbstractIntegrationTest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Input that once ended as a server error (issue 17.3) or was taken as it came (17.4) gets a clear 400 in the user's
 * language and saves nothing: tampered hidden fields, NUL characters, addresses that cannot stand in a mailto: link,
 * dates outside any calendar, and CR/LF in names.
 */
class InputHardeningTest extends AbstractIntegrationTest {

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
    void aTamperedTopicOnTheCheckStepGivesA400PageThatLeadsBackToTheStart() throws Exception {
        Map<String, String> form = bookingForm("groepelingen", "smartphone");
        form.put("topic", "nosuch");
        HttpResponse<String> check = client.postForm("/book/check", form, "de");
        assertThat(check.statusCode()).isEqualTo(400);
        assertThat(check.body()).contains("Diese Angaben können wir nicht verwenden", "Bitte beginnen Sie die Buchung noch einmal",
                "href=\"/book\"");

        form.put("topic", "smartphone");
        form.put("mode", "TELEPATHY");
        assertThat(client.postForm("/book/check", form, "en").body()).contains("Please start the booking again");
    }

    @Test
    void confirmingWithAnUnknownOrA100KbTopicSavesNothing() throws Exception {
        long before = appointments();
        Map<String, String> form = bookingForm("vegesack", "email-messaging");
        form.put("key", UUID.randomUUID().toString());
        form.put("topic", "nosuch");
        HttpResponse<String> unknown = client.postForm("/book/confirm", form, "tr");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("Lütfen randevu almaya yeniden başlayın");

        form.put("topic", "x".repeat(100_000));
        HttpResponse<String> huge = client.postForm("/book/confirm", form, "de");
        assertThat(huge.statusCode()).isEqualTo(400);
        assertThat(huge.body()).contains("</html>");
        assertThat(appointments()).isEqualTo(before);
    }

    @Test
    void aNulCharacterAnywhereIs400NeverADatabaseError() throws Exception {
        HttpResponse<String> courses = client.get("/api/v1/courses?lab=%00", "en");
        assertThat(courses.statusCode()).isEqualTo(400);
        assertThat(courses.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(json.readTree(courses.body()).get("detail").asString()).contains("control character");

        assertThat(client.get("/api/v1/labs/%00/slots?topic=smartphone&language=de", "de").statusCode()).isEqualTo(400);
        assertThat(client.get("/labs/%00", "de").statusCode()).isEqualTo(400);
        assertThat(client.get("/courses?lab=%00", "de").statusCode()).isEqualTo(400);

        long before = appointments();
        HttpResponse<String> lab = client.postJson("/api/v1/appointments", """
                {"lab":"\\u0000","topic":"smartphone","language":"de","start":"2030-01-01T10:00:00+01:00","mode":"IN_PERSON","consent":true}""",
                "de", null);
        assertThat(lab.statusCode()).isEqualTo(400);
        assertThat(json.readTree(lab.body()).get("errors").has("lab")).isTrue();
        HttpResponse<String> name = client.postJson("/api/v1/appointments", """
                {"lab":"groepelingen","topic":"smartphone","language":"de","start":"2030-01-01T10:00:00+01:00",
                 "mode":"IN_PERSON","name":"A\\u0000B","email":"a\\u0000@example.org","consent":true}""", "de", null);
        assertThat(name.statusCode()).isEqualTo(400);
        assertThat(json.readTree(name.body()).get("errors").propertyNames()).contains("name", "email");

        Map<String, String> form = bookingForm("osterholz", "smartphone");
        form.put("name", "A\u0000B");
        HttpResponse<String> page = client.postForm("/book/check", form, "de");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("Steuerzeichen");
        assertThat(appointments()).isEqualTo(before);
    }

    @Test
    void anAddressThatCannotStandInAMailtoLinkIsRefusedCleanly() throws Exception {
        long mails = mails();
        JsonNode slot = slot("groepelingen", "smartphone");
        HttpResponse<String> api = client.postJson("/api/v1/appointments", """
                {"lab":"groepelingen","topic":"smartphone","language":"de","start":"%s","mode":"IN_PERSON",
                 "email":"<x>@example.org","consent":true}""".formatted(slot.get("start").asString()), "en", null);
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(json.readTree(api.body()).get("errors").has("email")).isTrue();

        Map<String, String> form = bookingForm("groepelingen", "smartphone");
        form.put("email", "<x>@example.org");
        HttpResponse<String> page = client.postForm("/book/check", form, "de");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("class=\"error-summary\"", "href=\"#email\"");
        assertThat(mails()).isEqualTo(mails);
    }

    @Test
    void datesOutsideAnyCalendarAre400ProblemDetails() throws Exception {
        for (String query : new String[] {
                "/api/v1/labs/groepelingen/slots?topic=smartphone&language=de&from=%2B999999999-12-31",
                "/api/v1/labs/groepelingen/slots?topic=smartphone&language=de&to=-999999999-01-01",
                "/api/v1/courses?from=%2B999999999-12-31", "/api/v1/courses?to=-999999999-01-01",
                "/api/v1/courses?from=1500-01-01", "/api/v1/courses?from=2026-13-45"}) {
            HttpResponse<String> response = client.get(query, "pl");
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(json.readTree(response.body()).get("detail").asString()).as(query).isNotBlank();
        }
        HttpResponse<String> page = client.get("/courses?from=%2B999999999-12-31", "de");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("class=\"field-error\"");
    }

    @Test
    void aNameWithLineBreaksIsRefusedAndNoMailIsQueued() throws Exception {
        long mails = mails();
        long before = appointments();
        JsonNode slot = slot("vegesack", "smartphone");
        HttpResponse<String> booking = client.postJson("/api/v1/appointments", """
                {"lab":"vegesack","topic":"smartphone","language":"de","start":"%s","mode":"IN_PERSON",
                 "name":"Foo\\r\\nATTENDEE:x\\r\\nX-INJ:1","email":"inj@example.org","consent":true}"""
                .formatted(slot.get("start").asString()), "de", null);
        assertThat(booking.statusCode()).isEqualTo(400);
        assertThat(json.readTree(booking.body()).get("errors").get("name").asString()).contains("in eine Zeile");
        assertThat(mails()).isEqualTo(mails);
        assertThat(appointments()).isEqualTo(before);

        Map<String, String> form = bookingForm("vegesack", "smartphone");
        form.put("name", "Foo\r\nBcc: x");
        assertThat(client.postForm("/book/check", form, "de").body()).contains("href=\"#name\"", "in eine Zeile");

        // Ordinary text of any script stays welcome, with the marks Arabic uses.
        HttpResponse<String> arabic = client.postJson("/api/v1/appointments", """
                {"lab":"vegesack","topic":"smartphone","language":"de","start":"%s","mode":"IN_PERSON",
                 "name":"سارة\\u200f العلي","consent":true}""".formatted(slot.get("start").asString()), "ar", null);
        assertThat(arabic.statusCode()).isEqualTo(201);
    }

    /** The hidden fields of the booking's contact step for the first free time, as the flow would fill them. */
    private Map<String, String> bookingForm(String lab, String topic) throws Exception {
        JsonNode slot = slot(lab, topic);
        String start = OffsetDateTime.parse(slot.get("start").asString()).atZoneSameInstant(ZoneId.of("Europe/Berlin"))
                .toLocalDateTime().toString();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("topic", topic);
        form.put("language", "de");
        form.put("lab", lab);
        form.put("start", start);
        form.put("mode", "IN_PERSON");
        form.put("name", "Anna");
        form.put("email", "");
        form.put("phone", "");
        form.put("consent", "true");
        return form;
    }

    private JsonNode slot(String lab, String topic) throws Exception {
        HttpResponse<String> slots = client.get("/api/v1/labs/" + lab + "/slots?topic=" + topic + "&language=de", "de");
        assertThat(slots.statusCode()).isEqualTo(200);
        JsonNode all = json.readTree(slots.body());
        assertThat(all.size()).as("free times at " + lab).isPositive();
        return all.get(all.size() - 1);
    }

    private long appointments() {
        return jdbc.sql("select count(*) from appointment").query(Long.class).single();
    }

    private long mails() {
        return jdbc.sql("select count(*) from mail_outbox").query(Long.class).single();
    }
}
