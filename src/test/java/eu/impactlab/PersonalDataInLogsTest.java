package eu.impactlab;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * No e-mail address or phone number reaches any log line, at any level, errors included (issue 17.3). Runs last (see
 * {@link PersonalDataCheckLast}): it books, registers, fails validation and hits errors itself, then checks what
 * {@link PersonalDataLogAppender} saw in the logs of the whole test run, this class's flows and every class before it.
 */
class PersonalDataInLogsTest extends AbstractIntegrationTest {

    private static final ZoneId BREMEN = ZoneId.of("Europe/Berlin");
    private static final String EMAIL = "lena.log@example.org";
    private static final String PHONE = "+49 421 5551234";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void theWatcherRecognisesAddressesAndNumbersButNotDatesTimesOrIds() {
        assertThat(PersonalDataLogAppender.personalData("sent to lena.log@example.org")).isPresent();
        assertThat(PersonalDataLogAppender.personalData("mailto:<x>@example.org")).isPresent();
        assertThat(PersonalDataLogAppender.personalData("call +49 421 5551234")).isPresent();
        assertThat(PersonalDataLogAppender.personalData("call 0421 5551234 or 0170/1234567")).isPresent();
        assertThat(PersonalDataLogAppender.personalData(
                "2026-12-07T08:33:15.024Z ERROR 9337 --- [o-auto-1-exec-1] Mail 42 sent, next attempt at 07.12.2026 14:30 "
                        + "(PostgreSQL 17.6 on port 54321, pid 12345, +01:00, 0.5 s, HikariPool-1, Object@1a2b3c)")).isEmpty();
    }

    @Test
    void bookingRegisteringFailingAndErrorsLeaveNoContactDataInAnyLogLineOfTheWholeRun() throws Exception {
        // Booked by the API and by the form, with address and number.
        JsonNode slot = slot();
        String start = slot.get("start").asString();
        assertThat(postJson("/api/v1/appointments", """
                {"lab":"osterholz","topic":"smartphone","language":"de","start":"%s","mode":"PHONE",
                 "name":"Lena","email":"%s","phone":"%s","consent":true}""".formatted(start, EMAIL, PHONE), "log-1").statusCode())
                .isEqualTo(201);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("topic", "smartphone");
        form.put("language", "de");
        form.put("lab", "osterholz");
        form.put("start", OffsetDateTime.parse(start).atZoneSameInstant(BREMEN).toLocalDateTime().toString());
        form.put("mode", "IN_PERSON");
        form.put("name", "Lena");
        form.put("email", EMAIL);
        form.put("phone", PHONE);
        form.put("consent", "true");
        form.put("key", UUID.randomUUID().toString());
        assertThat(postForm("/book/confirm", form).statusCode()).isIn(302, 200);

        // Registered by the API and by the form.
        long course = course();
        assertThat(postJson("/api/v1/courses/" + course + "/registrations", """
                {"name":"Lena","email":"%s","phone":"%s","consent":true}""".formatted(EMAIL, PHONE), null).statusCode())
                .isEqualTo(201);
        Map<String, String> registration = new LinkedHashMap<>(Map.of("name", "Lena", "email", EMAIL, "phone", PHONE,
                "consent", "true", "key", UUID.randomUUID().toString()));
        assertThat(postForm("/courses/" + course + "/register/confirm", registration).statusCode()).isIn(302, 200);

        // Failed validation and errors: addresses that cannot work, line breaks, a reused key, unknown things.
        assertThat(postJson("/api/v1/appointments", """
                {"lab":"osterholz","topic":"smartphone","language":"de","start":"%s","mode":"PHONE",
                 "email":"<lena>@example.org","phone":"%s x","consent":true}""".formatted(start, PHONE), null).statusCode())
                .isEqualTo(400);
        assertThat(postJson("/api/v1/appointments", """
                {"lab":"osterholz","topic":"smartphone","language":"de","start":"%s","mode":"PHONE",
                 "name":"Lena\\r\\nBcc: %s","email":"%s","consent":true}""".formatted(start, EMAIL, EMAIL), null).statusCode())
                .isEqualTo(400);
        assertThat(postJson("/api/v1/appointments", "{\"email\":\"" + EMAIL + "\"}", "log-1").statusCode()).isEqualTo(422);
        assertThat(postJson("/api/v1/appointments", "{\"email\":\"" + EMAIL + "\",", null).statusCode()).isEqualTo(400);
        form.put("email", "<lena>@example.org");
        assertThat(postForm("/book/check", form).statusCode()).isEqualTo(200);
        form.put("topic", EMAIL);
        assertThat(postForm("/book/confirm", form).statusCode()).isEqualTo(400);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/courses?lab=" + enc(EMAIL) + "&from="
                + enc(PHONE))).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(400);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/appointments/" + enc(EMAIL))).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isLessThan(500);

        assertThat(PersonalDataLogAppender.findings())
                .as("log lines with an e-mail address or a phone number (also in target/personal-data-in-logs.txt)")
                .isEmpty();
    }

    private JsonNode slot() throws Exception {
        LocalDate today = LocalDate.now(BREMEN);
        HttpResponse<String> slots = http.send(HttpRequest.newBuilder(URI.create(baseUrl()
                + "/api/v1/labs/osterholz/slots?topic=smartphone&language=de&from=" + today + "&to=" + today.plusDays(14)))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        JsonNode all = json.readTree(slots.body());
        assertThat(all.size()).isPositive();
        return all.get(all.size() - 1);
    }

    private HttpResponse<String> postJson(String path, String body, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postForm(String path, Map<String, String> fields) throws Exception {
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(http.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/login")).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(csrf.find()).isTrue();
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf.group(1));
        String body = all.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private long course() {
        return TestCourses.published(jdbc, "osterholz", 10, "Logs", 12);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
