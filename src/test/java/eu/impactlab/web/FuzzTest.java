package eu.impactlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.TestCourses;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Throws generated bad input at the public API and the citizen forms of the real server and fails on any server error
 * (issue 17.3): strings with control characters and NUL, huge values, other scripts, SQL and HTML meta characters, wrong
 * JSON types, extreme numbers and dates, tampered hidden fields. Deterministic: the seed is printed with every failure;
 * {@code -Dfuzz.seed=…} replays a run and {@code -Dfuzz.inputs=…} makes it longer. The rate limits are raised for all
 * tests in application-test.properties.
 */
class FuzzTest extends AbstractIntegrationTest {

    private static final long SEED = Long.getLong("fuzz.seed", 17_2026_12_07L);
    private static final int INPUTS = Integer.getInteger("fuzz.inputs", 1_000);
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private static final String[] LABS = {"groepelingen", "vegesack", "osterholz", "any"};
    private static final String[] TOPICS = {"smartphone", "jobs", "email-messaging", "learning", "banking-safety"};
    private static final String[] LANGUAGES = {"de", "en", "tr", "ar", "ru", "uk", "pl", "fa"};
    private static final String[] NASTY = {
            "' OR 1=1 --", "\"; DROP TABLE appointment; --", "%", "_", "\\", "\\u0000", "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>", "{{7*7}}", "${7*7}", "__${T(java.lang.Runtime).getRuntime()}__::.x",
            "[[${7*7}]]", "*{name}", "#{app.name}", "../../etc/passwd", "%2e%2e%2f", "%00", "\u0000", "a\u0000b",
            "\r\nX-Injected: 1", "\n", "\t", "\u202Eevil", "\u200F", "\uFEFF", "\uD800", "\uDFFF", "😀", "سارة العلي",
            "Ğüşıöç", "Анна", "", " ", "null", "undefined", "true", "[]", "{}", "<x>@example.org", "a@b",
            "x@example.org\r\nBcc: y@example.org", "+49 421 1234567", "mailto:x", "javascript:alert(1)"};
    private static final String[] NUMBERS = {"-1", "0", "1", "2147483648", "-9223372036854775809",
            "99999999999999999999999999", "1e309", "-1e309", "NaN", "Infinity", "0.5", "1E2", "0x10", "007"};
    private static final String[] DATES = {"+999999999-12-31", "-999999999-01-01", "0000-00-00", "2026-02-30", "2026-13-45",
            "1500-01-01", "9999-12-31", "2199-12-31", "2200-01-01", "1970-01-01T00:00:00Z", "9999-12-31T23:59:59+18:00",
            "+999999999-12-31T23:59:59.999999999-18:00", "2026-12-08T10:00", "2026-12-08T10:00:00+01:00", "2026-W50-1",
            "today", "P1D", "2026-12-08T25:61", "-0001-01-01"};

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private Random random;
    private String csrf;
    private long course;

    record Attempt(String method, String target, String contentType, String body, Map<String, String> headers) {
        @Override
        public String toString() {
            return method + " " + shorten(target) + (body == null ? "" : " body=" + shorten(body)) + " headers=" + headers;
        }
    }

    @Test
    void noGeneratedBadInputGetsAServerError() throws Exception {
        random = new Random(SEED);
        course = course();
        csrf = csrfToken();
        // All inputs are drawn first, in one thread, so the seed alone decides them; then four clients send them.
        List<Attempt> attempts = new ArrayList<>();
        for (int i = 0; i < INPUTS; i++) {
            attempts.add(next());
        }
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < attempts.size(); i++) {
                int number = i;
                Attempt attempt = attempts.get(i);
                sent.add(clients.submit(() -> {
                    try {
                        HttpResponse<String> response = send(attempt);
                        if (response.statusCode() >= 500) {
                            failures.add("#" + number + " " + response.statusCode() + " for " + attempt + " → "
                                    + shorten(response.body()));
                        }
                    } catch (Exception e) {
                        failures.add("#" + number + " connection failed (" + e + ") for " + attempt);
                    }
                }));
            }
            for (Future<?> future : sent) {
                future.get();
            }
        } finally {
            clients.shutdown();
        }
        failures.sort(Comparator.comparingInt(f -> Integer.parseInt(f.substring(1, f.indexOf(' ')))));
        assertThat(failures).as("server errors for %d generated inputs with seed %d (replay: -Dfuzz.seed=%d)",
                INPUTS, SEED, SEED).isEmpty();
    }

    // --- what to send ---

    private Attempt next() {
        return switch (random.nextInt(12)) {
            case 0 -> get("/api/v1/topics", Map.of("lang", value()));
            case 1, 2 -> get("/api/v1/labs/" + pathValue(LABS) + "/slots", params("topic", TOPICS, "language", LANGUAGES,
                    "from", DATES, "to", DATES));
            case 3 -> get("/api/v1/courses", params("lab", LABS, "targetGroup", new String[] {"SENIORS", "YOUTH"},
                    "from", DATES, "to", DATES, "lang", LANGUAGES, "language", LANGUAGES, "competence", new String[] {"4", "4.2"}));
            case 4 -> random.nextBoolean() ? get("/api/v1/open-data/impact", Map.of("month", month(), "format", value()))
                    : get(pick(new String[] {"/api/v1/labs", "/labs/" + pathValue(LABS), "/courses/" + pathValue(NUMBERS),
                            "/appointments/" + pathValue(NASTY), "/courses/registrations/" + pathValue(NASTY)}), Map.of());
            case 5, 6 -> postJson("/api/v1/appointments", appointmentJson());
            case 7 -> postJson("/api/v1/courses/" + (random.nextInt(4) == 0 ? pathValue(NUMBERS) : String.valueOf(course))
                    + "/registrations", registrationJson());
            case 8 -> get("/book/" + pick(new String[] {"topic", "language", "lab", "time", "mode", "contact"}),
                    params("topic", TOPICS, "language", LANGUAGES, "lab", LABS, "start", DATES,
                            "mode", new String[] {"IN_PERSON", "PHONE", "VIDEO"}));
            case 9, 10 -> postForm("/book/" + (random.nextBoolean() ? "check" : "confirm"), bookingForm());
            default -> random.nextInt(3) == 0
                    ? get("/courses", params("lab", LABS, "targetGroup", new String[] {"SENIORS"}, "language", LANGUAGES,
                            "from", DATES, "to", DATES, "page", NUMBERS, "competence", new String[] {"4.2"}))
                    : postForm("/courses/" + (random.nextInt(5) == 0 ? pathValue(NUMBERS) : String.valueOf(course)) + "/register/"
                            + pick(new String[] {"name", "contact", "about", "consent", "check", "confirm"}), registrationForm());
        };
    }

    private String appointmentJson() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("lab", jsonValue(LABS));
        fields.put("topic", jsonValue(TOPICS));
        fields.put("language", jsonValue(LANGUAGES));
        fields.put("start", jsonValue(DATES));
        fields.put("mode", jsonValue(new String[] {"IN_PERSON", "PHONE", "VIDEO"}));
        fields.put("name", jsonValue(new String[] {"Anna", "سارة"}));
        fields.put("email", jsonValue(new String[] {"anna@example.org"}));
        fields.put("phone", jsonValue(new String[] {"0421 123456"}));
        fields.put("consent", random.nextInt(4) == 0 ? jsonValue(new String[] {"true"}) : "true");
        return json(fields);
    }

    private String registrationJson() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", jsonValue(new String[] {"Anna", "Ayşe"}));
        fields.put("email", jsonValue(new String[] {"anna@example.org"}));
        fields.put("phone", jsonValue(new String[] {"+49 421 123456"}));
        fields.put("consent", random.nextInt(4) == 0 ? jsonValue(new String[] {"true"}) : "true");
        fields.put("ageBand", jsonValue(new String[] {"UNDER_18", "NOT_STATED"}));
        fields.put("gender", jsonValue(new String[] {"FEMALE", "DIVERSE"}));
        fields.put("stadtteil", jsonValue(new String[] {"Gröpelingen", "OUTSIDE_BREMEN"}));
        return json(fields);
    }

    private Map<String, String> bookingForm() {
        Map<String, String> form = params("topic", TOPICS, "language", LANGUAGES, "lab", LABS, "start", DATES,
                "mode", new String[] {"IN_PERSON", "PHONE", "VIDEO"}, "name", new String[] {"Anna"},
                "email", new String[] {"anna@example.org"}, "phone", new String[] {"0421 123456"},
                "consent", new String[] {"true", "on"}, "key", new String[] {new UUID(random.nextLong(), random.nextLong()).toString()});
        if (random.nextInt(10) == 0) {
            form.put("website", value());
        }
        return form;
    }

    private Map<String, String> registrationForm() {
        Map<String, String> form = params("name", new String[] {"Anna"}, "email", new String[] {"anna@example.org"},
                "phone", new String[] {"+49 421 123456"}, "ageBand", new String[] {"FROM_65"},
                "gender", new String[] {"FEMALE"}, "stadtteil", new String[] {"Vegesack"}, "consent", new String[] {"true"},
                "key", new String[] {new UUID(random.nextLong(), random.nextLong()).toString()});
        if (random.nextInt(10) == 0) {
            form.put("website", value());
        }
        return form;
    }

    /** Each field present or not; when present a good value or a bad one. */
    private Map<String, String> params(Object... namesAndGoodValues) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < namesAndGoodValues.length; i += 2) {
            int roll = random.nextInt(10);
            if (roll == 0) {
                continue;
            }
            String[] good = (String[]) namesAndGoodValues[i + 1];
            params.put((String) namesAndGoodValues[i], roll < 5 ? pick(good) : value());
        }
        if (random.nextInt(15) == 0) {
            params.put(value(), value());
        }
        return params;
    }

    /** A bad value: nasty fixed strings, numbers, dates, random text of every kind, or something huge. */
    private String value() {
        return switch (random.nextInt(9)) {
            case 0, 1 -> pick(NASTY);
            case 2 -> pick(NUMBERS);
            case 3 -> pick(DATES);
            case 4 -> random.nextInt(8) == 0 ? "x".repeat(100_000) : randomText(200 + random.nextInt(3_000));
            default -> randomText(random.nextInt(40));
        };
    }

    private String randomText(int length) {
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            int kind = random.nextInt(10);
            if (kind == 0) {
                text.append((char) random.nextInt(0x20)); // C0 controls, NUL included
            } else if (kind == 1) {
                text.append((char) (0x7F + random.nextInt(0x21))); // DEL and C1 controls
            } else if (kind == 2) {
                text.append((char) (0x0600 + random.nextInt(0x100))); // Arabic
            } else if (kind == 3) {
                text.appendCodePoint(0x1F300 + random.nextInt(0x300)); // emoji
            } else if (kind == 4) {
                String meta = "'\"<>&%;\\/{}[]$#*";
                text.append(meta.charAt(random.nextInt(meta.length())));
            } else if (kind == 5) {
                text.append((char) (0x2000 + random.nextInt(0x70))); // spaces, marks, separators
            } else {
                text.append((char) (0x21 + random.nextInt(0x5E)));
            }
        }
        return text.toString();
    }

    private Object jsonValue(String[] good) {
        return switch (random.nextInt(12)) {
            case 0 -> null;
            case 1 -> new RawJson(pick(new String[] {"1", "-1", "1e309", "99999999999999999999999", "0.5", "-0"}));
            case 2 -> new RawJson(random.nextBoolean() ? "true" : "false");
            case 3 -> new RawJson("[\"" + escape(pick(good)) + "\"]");
            case 4 -> new RawJson("{\"x\":1}");
            case 5, 6, 7 -> value();
            default -> pick(good);
        };
    }

    record RawJson(String text) {
    }

    private String json(Map<String, Object> fields) {
        int shape = random.nextInt(20);
        if (shape == 0) {
            return pick(new String[] {"", "null", "[]", "\"x\"", "42", "{", "{\"lab\":", "{}}", "[{}]", "{\"a\":1,}"});
        }
        if (shape == 1) {
            return "[".repeat(5_000) + "]".repeat(5_000);
        }
        String body = fields.entrySet().stream().filter(e -> random.nextInt(8) != 0)
                .map(e -> "\"" + e.getKey() + "\":" + (e.getValue() == null ? "null"
                        : e.getValue() instanceof RawJson raw ? raw.text() : "\"" + escape(e.getValue().toString()) + "\""))
                .collect(Collectors.joining(",", "{", "}"));
        return shape == 2 ? body + "garbage" : body;
    }

    private static String escape(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private Attempt get(String path, Map<String, String> params) {
        String query = params.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return new Attempt("GET", path + (query.isEmpty() ? "" : "?" + query), null, null, headers());
    }

    private Attempt postJson(String path, String body) {
        Map<String, String> headers = headers();
        if (random.nextInt(3) == 0) {
            headers.put("Idempotency-Key", random.nextBoolean() ? "fuzz-" + random.nextInt(20)
                    : printable(1 + random.nextInt(120)));
        }
        String type = random.nextInt(15) == 0 ? pick(new String[] {"text/plain", "application/xml", "application/json;charset=latin1"})
                : "application/json";
        return new Attempt("POST", path, type, body, headers);
    }

    private Attempt postForm(String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf);
        String body = all.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return new Attempt("POST", path, "application/x-www-form-urlencoded", body, headers());
    }

    private Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept-Language", random.nextInt(5) == 0
                ? pick(new String[] {"xx", "*", "de;q=abc", "ar-EG,ar;q=0.9", "zz-ZZ-x-private", ";;;", "en;q=2"})
                : pick(LANGUAGES));
        if (random.nextInt(6) == 0) {
            headers.put("Accept", pick(new String[] {"application/json", "text/csv", "application/xml", "*/*", "image/png"}));
        }
        return headers;
    }

    private String printable(int length) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < length; i++) {
            key.append((char) (0x21 + random.nextInt(0x5E)));
        }
        return key.toString();
    }

    private String pathValue(String[] good) {
        return enc(random.nextBoolean() ? pick(good) : value()).replace("+", "%20");
    }

    private String month() {
        String day = random.nextBoolean() ? pick(DATES) : value();
        return day.length() > 7 ? day.substring(0, 7) : day;
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    // --- sending ---

    private HttpResponse<String> send(Attempt attempt) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + attempt.target()))
                .timeout(Duration.ofSeconds(30));
        attempt.headers().forEach(request::header);
        if (attempt.body() == null) {
            request.GET();
        } else {
            request.header("Content-Type", attempt.contentType()).POST(HttpRequest.BodyPublishers.ofString(attempt.body()));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String csrfToken() throws Exception {
        String login = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = CSRF.matcher(login);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    /** A published course with seats for everyone the fuzzer happens to register. */
    private long course() {
        return TestCourses.published(jdbc, "vegesack", 500, "Fuzz", 20);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String shorten(String text) {
        if (text == null) {
            return "";
        }
        String visible = text.replace("\r", "\\r").replace("\n", "\\n").replace("\u0000", "\\0");
        return visible.length() <= 300 ? visible : visible.substring(0, 300) + "… (" + visible.length() + " chars)";
    }
}
