package eu.impactlab;

import static org.assertj.core.api.Assertions.assertThat;

import eu.impactlab.platform.EmbeddedPostgresLauncher;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.ReflectionTestUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Two app instances (two Spring contexts, each with its own web server and connection pool) on one PostgreSQL, as
 * behind a load balancer without sticky sessions: what one instance does holds on the other. Both contexts live for
 * the whole class, on a database of their own.
 */
class SeveralInstancesTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;
    private static final HttpClient http = HttpClient.newHttpClient();
    private static final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void startTwoInstances() {
        EmbeddedPostgresLauncher pg = TestDatabase.server();
        TestDatabase.createIfMissing(pg, "instances");
        // One after the other, as a rolling start would: the first migrates and seeds the demo data.
        a = instance(pg);
        b = instance(pg);
    }

    private static ConfigurableApplicationContext instance(EmbeddedPostgresLauncher pg) {
        return new SpringApplicationBuilder(ImpactLabApplication.class).profiles("test").run(
                "--server.port=0",
                "--spring.datasource.url=jdbc:postgresql://localhost:" + pg.port() + "/instances",
                "--spring.datasource.username=" + pg.username(),
                "--spring.datasource.password=" + (pg.password() == null ? "" : pg.password()),
                // The suite keeps sessions in memory for MockMvc (application-test.properties); here they are the default's.
                "--spring.autoconfigure.exclude=",
                "--spring.lifecycle.timeout-per-shutdown-phase=2s");
    }

    @AfterAll
    static void stop() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    @Test
    void aLoginOnOneInstanceIsValidOnTheOther() throws Exception {
        Visitor admin = new Visitor();
        admin.logIn(a, "admin", "demo");
        assertThat(admin.get(b, "/admin").statusCode()).as("the admin page on B, with A's session").isEqualTo(200);
        assertThat(new Visitor().get(b, "/admin").statusCode()).as("without a session").isEqualTo(302);
    }

    @Test
    void aCitizenBooksStepByStepWhileTheLoadBalancerAlternatesBetweenTheInstances() throws Exception {
        Visitor citizen = new Visitor();
        citizen.get(a, "/book?lang=uk");
        String times = citizen.get(b, "/book/time?topic=smartphone&language=de&lab=vegesack").body();
        String modes = citizen.get(a, unescape(link(times, "/book/mode\\?[^\"]+"))).body();
        String contact = citizen.get(b, unescape(link(modes, "/book/contact\\?[^\"]+mode=IN_PERSON"))).body();

        Map<String, String> answers = hidden(contact);
        answers.putAll(Map.of("name", "Олена", "email", "", "phone", "", "consent", "true"));
        HttpResponse<String> check = citizen.send(a, "/book/check", answers);
        assertThat(check.statusCode()).isEqualTo(200);
        assertThat(check.body()).as("the check page on A shows what B's form asked for").contains("Олена", "name=\"key\"");

        HttpResponse<String> booked = citizen.send(b, "/book/confirm", hidden(check.body()));
        assertThat(booked.statusCode()).isEqualTo(302);
        String manage = booked.headers().firstValue("Location").orElseThrow();
        assertThat(manage).contains("/appointments/").endsWith("?booked");
        assertThat(citizen.get(a, URI.create(manage).getPath() + "?booked").body()).contains("class=\"booking-code\"", "Олена");
    }

    @Test
    void fiveFailedLoginsSpreadOverBothInstancesLockTheAccount() throws Exception {
        Visitor guesser = new Visitor();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> failed = guesser.tryLogIn(i % 2 == 0 ? a : b, "helper", "falsch " + i);
            assertThat(failed.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        }
        HttpResponse<String> right = new Visitor().tryLogIn(a, "helper", "demo");
        assertThat(right.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?throttled"));
    }

    @Test
    void openingHoursChangedOnOneInstanceShowOnTheOtherWithinASecond() throws Exception {
        Visitor coordinator = new Visitor();
        coordinator.logIn(a, "admin", "demo");
        assertThat(new Visitor().get(b, "/labs/osterholz").body()).as("B has the page before the change").doesNotContain("11:11");

        Map<String, String> form = new LinkedHashMap<>();
        String[] days = {"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"};
        for (int i = 0; i < 7; i++) {
            form.put("days[" + i + "].day", days[i]);
            form.put("days[" + i + "].opens1", "09:00");
            form.put("days[" + i + "].closes1", "11:11");
        }
        form.put("decision", "keep");
        // The form comes from B and is sent to A: the CSRF token lives in the shared session too.
        HttpResponse<String> saved = coordinator.post(b, "/admin/labs/osterholz/hours", a, "/admin/labs/osterholz/hours", form);
        assertThat(saved.statusCode()).isEqualTo(302);

        Instant deadline = Instant.now().plusSeconds(1);
        String page;
        do {
            page = new Visitor().get(b, "/labs/osterholz").body();
        } while (!page.contains("11:11") && Instant.now().isBefore(deadline));
        assertThat(page).as("B's public lab page shows A's new hours").contains("09:00", "11:11");
    }

    @Test
    void fortySimultaneousBookingsOfOneFreeTimeSpreadOverBothGiveExactlyTheAvailableAppointments() throws Exception {
        LocalDate today = LocalDate.now();
        JsonNode slots = json.readTree(new Visitor().get(a, "/api/v1/labs/groepelingen/slots?topic=smartphone&language=de&from="
                + today + "&to=" + today.plusDays(14)).body());
        assertThat(slots.size()).isPositive();
        JsonNode slot = slots.get(slots.size() - 1);
        int available = slot.get("available").asInt();
        String start = slot.get("start").asString();
        String body = """
                {"lab":"groepelingen","topic":"smartphone","language":"de","start":"%s","mode":"IN_PERSON","consent":true}"""
                .formatted(start);

        int clients = 40;
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            ConfigurableApplicationContext instance = i % 2 == 0 ? a : b;
            results.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                return http.send(HttpRequest.newBuilder(URI.create(base(instance) + "/api/v1/appointments"))
                        .header("Content-Type", "application/json").header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
            }));
        }
        ready.await();
        go.countDown();
        int created = 0;
        int conflicts = 0;
        for (Future<Integer> result : results) {
            int status = result.get();
            created += status == 201 ? 1 : 0;
            conflicts += status == 409 ? 1 : 0;
        }
        pool.shutdown();
        assertThat(created).as("appointments made").isEqualTo(available);
        assertThat(conflicts).as("the others are told the time is taken").isEqualTo(clients - available);
        assertThat(jdbc(b).sql("select count(*) from appointment a join lab l on l.id = a.lab_id "
                + "where l.slug = 'groepelingen' and a.starts_at = cast(:start as timestamptz) and a.status = 'BOOKED'")
                .param("start", start).query(Long.class).single()).isEqualTo(available);
    }

    @Test
    void aReminderJobDueOnBothInstancesRemindsOnce() throws Exception {
        JdbcClient jdbc = jdbc(a);
        long helper = jdbc.sql("select helper_id from helper_availability limit 1").query(Long.class).single();
        long lab = jdbc.sql("select lab_id from helper_availability where helper_id = ? limit 1").param(helper).query(Long.class).single();
        jdbc.sql("""
                insert into appointment (code, lab_id, helper_id, topic_key, language, mode, starts_at, ends_at, status, name,
                    email, ui_language, manage_token_hash)
                values ('TW-N22', ?, ?, 'jobs', 'de', 'IN_PERSON', date_trunc('day', now() at time zone 'Europe/Berlin' + interval '1 day')
                    at time zone 'Europe/Berlin' + interval '6 hours', date_trunc('day', now() at time zone 'Europe/Berlin'
                    + interval '1 day') at time zone 'Europe/Berlin' + interval '6 hours 30 minutes', 'BOOKED', 'Zwei Instanzen',
                    'twice@example.org', 'de', md5('twice'))""").params(lab, helper).update();

        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> runs = new ArrayList<>();
        for (ConfigurableApplicationContext instance : List.of(a, b)) {
            Object job = instance.getBean("reminderJob");
            runs.add(pool.submit(() -> {
                go.await();
                return (Integer) ReflectionTestUtils.invokeMethod(job, "sendReminders");
            }));
        }
        go.countDown();
        int sent = 0;
        for (Future<Integer> run : runs) {
            sent += Math.max(0, run.get());
        }
        pool.shutdown();
        assertThat(sent).as("reminders put in the outbox by both runs").isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from mail_outbox where recipient = 'twice@example.org'").query(Long.class).single())
                .as("mails to the person").isEqualTo(1);
    }

    private static String link(String html, String pattern) {
        Matcher m = Pattern.compile("href=\"(" + pattern + ")\"").matcher(html);
        assertThat(m.find()).as("a link like " + pattern).isTrue();
        return m.group(1);
    }

    private static String unescape(String url) {
        return url.replace("&amp;", "&");
    }

    /** The hidden fields of the page's last form (the CSRF token too), as the browser would send them. */
    private static Map<String, String> hidden(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = Pattern.compile("<input type=\"hidden\" name=\"([A-Za-z_]+)\" value=\"([^\"]*)\"").matcher(html);
        while (m.find()) {
            fields.put(m.group(1), org.springframework.web.util.HtmlUtils.htmlUnescape(m.group(2)));
        }
        return fields;
    }

    private static JdbcClient jdbc(ConfigurableApplicationContext instance) {
        return instance.getBean(JdbcClient.class);
    }

    private static String base(ConfigurableApplicationContext instance) {
        return "http://localhost:" + ((WebServerApplicationContext) instance).getWebServer().getPort();
    }

    /** One browser: its cookies go to whichever instance it talks to, as behind a load balancer. */
    private static final class Visitor {

        private final Map<String, String> cookies = new LinkedHashMap<>();

        HttpResponse<String> get(ConfigurableApplicationContext instance, String path) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(base(instance) + path)).GET());
        }

        HttpResponse<String> post(ConfigurableApplicationContext formFrom, String formPage, ConfigurableApplicationContext instance,
                String path, Map<String, String> form) throws Exception {
            Matcher csrf = CSRF.matcher(get(formFrom, formPage).body());
            assertThat(csrf.find()).as("a CSRF token on " + formPage).isTrue();
            Map<String, String> fields = new LinkedHashMap<>(form);
            fields.put("_csrf", csrf.group(1));
            return send(instance, path, fields);
        }

        HttpResponse<String> send(ConfigurableApplicationContext instance, String path, Map<String, String> fields) throws Exception {
            String encoded = fields.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(URI.create(base(instance) + path))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(encoded)));
        }

        HttpResponse<String> tryLogIn(ConfigurableApplicationContext instance, String username, String password) throws Exception {
            return post(instance, "/login", instance, "/login", Map.of("username", username, "password", password));
        }

        void logIn(ConfigurableApplicationContext instance, String username, String password) throws Exception {
            HttpResponse<String> response = tryLogIn(instance, username, password);
            assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("/login"));
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("; ")));
            }
            HttpResponse<String> response = http.send(request.header("Accept-Language", "de").build(), HttpResponse.BodyHandlers.ofString());
            for (String header : response.headers().allValues("Set-Cookie")) {
                String pair = header.split(";", 2)[0];
                int equals = pair.indexOf('=');
                cookies.put(pair.substring(0, equals), pair.substring(equals + 1));
            }
            return response;
        }
    }
}
