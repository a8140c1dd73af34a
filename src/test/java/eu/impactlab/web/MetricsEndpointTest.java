package eu.impactlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import eu.impactlab.platform.OnceAcrossInstances;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** An operator's Prometheus reads the business figures on the management port; the app port never serves them. */
class MetricsEndpointTest extends OperatorSetupTest {

    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    OnceAcrossInstances jobs;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    org.springframework.core.env.Environment environment;

    @Test
    void aBookingThroughThePublicApiRaisesTheBookingCounterAndATakenTimeCountsAsAConflict() throws Exception {
        double bookedBefore = counter("consultation", "groepelingen", "booked");
        double conflictsBefore = counter("consultation", "groepelingen", "conflict");

        JsonNode slot = json.readTree(get(baseUrl() + "/api/v1/labs/groepelingen/slots?topic=learning&language=de").body()).get(0);
        String body = """
                {"lab":"groepelingen","topic":"learning","language":"de","start":"%s","mode":"IN_PERSON","consent":true}"""
                .formatted(slot.get("start").asString());
        int available = slot.get("available").asInt();
        java.util.List<String> manageLinks = new java.util.ArrayList<>();
        for (int i = 0; i < available; i++) {
            HttpResponse<String> booked = post("/api/v1/appointments", body);
            assertThat(booked.statusCode()).isEqualTo(201);
            manageLinks.add(json.readTree(booked.body()).get("manageUrl").asString());
        }
        assertThat(post("/api/v1/appointments", body).statusCode()).isEqualTo(409);

        assertThat(counter("consultation", "groepelingen", "booked")).isEqualTo(bookedBefore + available);
        assertThat(counter("consultation", "groepelingen", "conflict")).isEqualTo(conflictsBefore + 1);

        // Free the time again for the other tests on the shared database.
        for (String manage : manageLinks) {
            assertThat(post(URI.create(manage).getPath() + "/cancel", "").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void courseRegistrationsCountAsBookedOrWaitlisted() throws Exception {
        long course = eu.impactlab.TestCourses.published(jdbc, "osterholz", 1, "Metriken zählen", 9);
        try {
            double booked = counter("course", "osterholz", "booked");
            double waitlisted = counter("course", "osterholz", "waitlisted");
            String registration = "{\"name\":\"Mia\",\"consent\":true}";
            assertThat(post("/api/v1/courses/" + course + "/registrations", registration).statusCode()).isEqualTo(201);
            assertThat(post("/api/v1/courses/" + course + "/registrations", registration).statusCode()).isEqualTo(201);
            assertThat(counter("course", "osterholz", "booked")).isEqualTo(booked + 1);
            assertThat(counter("course", "osterholz", "waitlisted")).isEqualTo(waitlisted + 1);
        } finally {
            jdbc.sql("delete from course where id = ?").param(course).update();
        }
    }

    @Test
    void theOperatorsFiguresAreThereWithLabSlugsAsTheOnlyLabels() throws Exception {
        String metrics = scrape();
        assertThat(metrics)
                .contains("impactlab_queue_waiting{lab=\"groepelingen\"}")
                .contains("impactlab_queue_longest_wait_seconds{lab=\"vegesack\"}")
                .contains("impactlab_mail_outbox{status=\"pending\"}")
                .contains("impactlab_mail_outbox{status=\"failed\"}")
                .contains("impactlab_events_incomplete ")
                .contains("hikaricp_connections_active")
                .contains("jvm_memory_used_bytes");
        assertThat(metrics).doesNotContain("@").doesNotContain("demo");
    }

    @Test
    void eachJobsLastSuccessfulRunIsAFigure() throws Exception {
        long before = System.currentTimeMillis() / 1000;
        jobs.run("metrics-test-job", () -> 0);
        Matcher run = Pattern.compile("^impactlab_job_last_success_seconds\\{job=\"metrics-test-job\"\\} (\\S+)$",
                Pattern.MULTILINE).matcher(scrape());
        assertThat(run.find()).isTrue();
        assertThat((long) Double.parseDouble(run.group(1))).isBetween(before - 1, before + 60);
    }

    @Test
    void theAppPortNeverServesMetricsButStillServesHealthForProbes() throws Exception {
        assertThat(get(baseUrl() + "/actuator/prometheus").statusCode()).isEqualTo(404);
        assertThat(get(baseUrl() + "/readyz").statusCode()).isEqualTo(200);
        assertThat(get(baseUrl() + "/livez").statusCode()).isEqualTo(200);
        assertThat(get(management() + "/actuator/health").body()).contains("UP");
        assertThat(environment.getProperty("management.server.address")).as("the default").isEqualTo("127.0.0.1");
    }

    private String management() {
        return "http://127.0.0.1:" + managementPort; // bound to the loopback address only, by default
    }

    private String scrape() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(management() + "/actuator/prometheus"))
                .header("Accept", "text/plain").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** One sample of the booking counter of a kind at a lab; 0 before its first increment. */
    private double counter(String kind, String lab, String outcome) throws Exception {
        Matcher sample = Pattern.compile("^impactlab_bookings_total\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE).matcher(scrape());
        while (sample.find()) {
            String labels = sample.group(1);
            if (labels.contains("kind=\"" + kind + "\"") && labels.contains("lab=\"" + lab + "\"")
                    && labels.contains("outcome=\"" + outcome + "\"")) {
                return Double.parseDouble(sample.group(2));
            }
        }
        return 0;
    }

    private HttpResponse<String> get(String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
