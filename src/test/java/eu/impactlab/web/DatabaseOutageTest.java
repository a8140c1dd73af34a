package eu.impactlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.impactlab.TestDatabase;
import eu.impactlab.platform.EmbeddedPostgresLauncher;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * While the database refuses connections, health is DOWN and pages answer with a friendly 503 in the user's
 * language; when it is back, the app recovers by itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.hikari.connection-timeout=1000", "spring.datasource.hikari.validation-timeout=500"})
@ActiveProfiles("test")
class DatabaseOutageTest {

    private static final String DATABASE = "outage";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, DATABASE);
    }

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void pagesSay503WhileTheDatabaseIsDownAndRecoverWhenItIsBack() throws Exception {
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(get("/labs").statusCode()).isEqualTo(200);

        database(false);

        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).contains("DOWN");
        HttpResponse<String> page = get("/labs?lang=tr");
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.body()).contains("<html lang=\"tr\"", "href=\"/\"");
        assertThat(page.headers().firstValue("Retry-After")).contains("30");
        // The rate limit counts in the database too, but lets a request through to the same friendly page.
        HttpResponse<String> limited = get("/book/topic?lang=tr");
        assertThat(limited.statusCode()).isEqualTo(503);
        assertThat(limited.body()).contains("<html lang=\"tr\"");

        database(true);

        Instant deadline = Instant.now().plusSeconds(20);
        int status = 0;
        while (Instant.now().isBefore(deadline) && status != 200) {
            status = get("/labs").statusCode();
            if (status != 200) {
                Thread.sleep(250);
            }
        }
        assertThat(status).as("pages answer again once the database is back").isEqualTo(200);
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
    }

    @AfterEach
    void reopen() throws Exception {
        database(true);
    }

    /** Opens or closes the database for new connections and ends the open ones: to the app, the server is gone. */
    private static void database(boolean open) throws Exception {
        EmbeddedPostgresLauncher pg = TestDatabase.server();
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.username(), "")) {
            c.createStatement().execute("alter database " + DATABASE + " allow_connections " + open);
            if (!open) {
                c.createStatement().execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '"
                        + DATABASE + "' and pid <> pg_backend_pid()");
            }
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(15)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
