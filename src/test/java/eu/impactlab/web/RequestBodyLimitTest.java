package eu.impactlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.impactlab.AbstractIntegrationTest;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Bodies far beyond their purpose are refused before anything parses them. */
class RequestBodyLimitTest extends AbstractIntegrationTest {

    private static final String BIG_NAME = "x".repeat(100_000);

    @Test
    void anOversizedApiBodyGets413AsAProblemDetailInTheCallersLanguage() throws Exception {
        HttpResponse<String> refused = new Http(baseUrl()).postJson("/api/v1/appointments",
                "{\"name\":\"" + BIG_NAME + "\"}", "Accept-Language", "pl");
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(refused.body()).contains("\"status\":413", "\"title\":\"Za dużo naraz\"", "16 KB");
    }

    @Test
    void anOversizedApiBodyWithoutLengthIsCutOffAfterTheLimit() throws Exception {
        Http http = new Http(baseUrl());
        byte[] body = ("{\"name\":\"" + BIG_NAME + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> refused = http.send(http.request("/api/v1/appointments", "Content-Type", "application/json",
                "Accept-Language", "en").POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).contains("Too much at once");
    }

    @Test
    void aSmallBodyWithoutLengthStillArrivesWhole() throws Exception {
        Http http = new Http(baseUrl());
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> answer = http.send(http.request("/api/v1/appointments", "Content-Type", "application/json",
                "Accept", "application/json").POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
        assertThat(answer.statusCode()).as("validated like any booking, not refused for its size").isEqualTo(400);
    }

    @Test
    void aFarTooLargeFormGetsThe413PageInTheUsersLanguage() throws Exception {
        Http http = new Http(baseUrl());
        HttpResponse<String> refused = http.postForm("/login", "/book/check?lang=ar",
                "topic=smartphone&name=" + "x".repeat((int) RequestBodyLimitFilter.FORM_MAX_BYTES));
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).contains("<html lang=\"ar\" dir=\"rtl\"", "الكثير دفعة واحدة");
    }
}
