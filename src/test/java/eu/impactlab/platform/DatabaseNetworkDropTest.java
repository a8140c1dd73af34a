package eu.impactlab.platform;

import static org.assertj.core.api.Assertions.assertThat;

import eu.impactlab.ImpactLabApplication;
import eu.impactlab.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The network between the app and PostgreSQL goes silent (a relay that stops forwarding without closing anything):
 * requests answer with an error instead of hanging, health says DOWN, and once the network is back the app recovers
 * by itself. The test's own timeouts are short (the settings of application.properties, scaled down).
 */
class DatabaseNetworkDropTest {

    private static SilentNetwork network;
    private static ConfigurableApplicationContext app;
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        EmbeddedPostgresLauncher pg = TestDatabase.server();
        TestDatabase.createIfMissing(pg, "network_drop");
        network = new SilentNetwork(pg.port());
        app = new SpringApplicationBuilder(ImpactLabApplication.class).profiles("test").run(
                "--server.port=0",
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + network.port() + "/network_drop",
                "--spring.datasource.username=" + pg.username(),
                "--spring.datasource.password=" + (pg.password() == null ? "" : pg.password()),
                "--impactlab.demo-data=false",
                "--spring.datasource.hikari.maximum-pool-size=4",
                "--spring.datasource.hikari.connection-timeout=2000",
                "--spring.datasource.hikari.validation-timeout=1000",
                "--spring.datasource.hikari.data-source-properties.connectTimeout=2",
                "--spring.datasource.hikari.data-source-properties.socketTimeout=4",
                "--spring.lifecycle.timeout-per-shutdown-phase=2s");
    }

    @AfterAll
    static void stop() throws Exception {
        if (network != null) {
            network.restore();
        }
        if (app != null) {
            app.close();
        }
        if (network != null) {
            network.close();
        }
    }

    @Test
    void aSilentDropGivesErrorsAndDownInsteadOfHangingAndTheAppRecoversWhenTheNetworkIsBack() throws Exception {
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/labs").statusCode()).isEqualTo(200);

        network.drop();
        try {
            // Each answer comes well within the client's 20 s: nothing waits for the network to come back.
            assertThat(get("/api/v1/labs").statusCode()).as("a request that needs the database").isGreaterThanOrEqualTo(500);
            HttpResponse<String> health = get("/actuator/health");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("DOWN");
        } finally {
            network.restore();
        }

        Instant deadline = Instant.now().plusSeconds(60);
        int status = 0;
        while (Instant.now().isBefore(deadline) && (status = get("/actuator/health").statusCode()) != 200) {
            Thread.sleep(200);
        }
        assertThat(status).as("health UP again within 60 s of the network coming back").isEqualTo(200);
        assertThat(get("/api/v1/labs").statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json").timeout(Duration.ofSeconds(20)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
