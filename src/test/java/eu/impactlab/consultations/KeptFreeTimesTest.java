package eu.impactlab.consultations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.platform.DataVersions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The free-times API answers from memory, yet every change shows in the very next answer: a booking, a cancellation,
 * a helper's absence, the lab's hours, the topic's length; answers for other topics and languages are kept apart;
 * readers never see a time as free after its booking was confirmed; and bookings of different helpers or days do not
 * wait for each other's version row.
 */
class KeptFreeTimesTest extends AbstractIntegrationTest {

    private static final String LAB = "groepelingen";

    private final HttpClient client = HttpClient.newHttpClient();
    private final List<String> codes = new ArrayList<>();

    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    KeptFreeTimes kept;
    @Autowired
    DataVersions versions;
    @Autowired
    ConsultationService consultations;
    @Autowired
    DataSource dataSource;
    @Autowired
    ConsultationsProperties properties;

    private final LocalDate first = LocalDate.now(SlotFinder.BREMEN).plusDays(22);
    private final LocalDate last = first.plusDays(4);

    @AfterEach
    void removeWhatThisTestBooked() {
        synchronized (codes) {
            if (!codes.isEmpty()) {
                jdbc.sql("delete from appointment where code in (:codes)").param("codes", codes).update();
            }
            codes.clear();
        }
    }

    @Test
    void aBookingTakesTheTimeAtOnceAMoveAndACancellationGiveItBack() throws Exception {
        String path = path("smartphone", "de");
        HttpResponse<String> before = get(path);
        assertThat(get(path).body()).as("asked twice, kept").isEqualTo(before.body());
        assertThat(kept.size()).isPositive();
        JsonNode slot = json.readTree(before.body()).get(0);
        String start = slot.get("start").asString();
        int available = slot.get("available").asInt();

        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < available; i++) {
            tokens.add(book(start));
        }
        assertThat(find(get(path).body(), start)).as("the booked time is gone from the next answer").isNull();

        // A move to another day frees the old time and takes the new one, both in the next answer.
        JsonNode later = json.readTree(before.body()).get(json.readTree(before.body()).size() - 1);
        String laterStart = later.get("start").asString();
        assertThat(ZonedDateTime.parse(laterStart).toLocalDate()).isNotEqualTo(ZonedDateTime.parse(start).toLocalDate());
        assertThat(consultations.move(tokens.get(0), java.time.OffsetDateTime.parse(laterStart)))
                .isInstanceOf(BookingOutcome.Booked.class);
        String moved = get(path).body();
        assertThat(find(moved, start).get("available").asInt()).as("the old time is free again").isEqualTo(1);
        assertThat(find(moved, laterStart) == null ? 0 : find(moved, laterStart).get("available").asInt())
                .as("the new time has one helper less").isEqualTo(later.get("available").asInt() - 1);
        assertThat(consultations.move(tokens.get(0), java.time.OffsetDateTime.parse(start)))
                .isInstanceOf(BookingOutcome.Booked.class);
        assertThat(find(get(path).body(), start)).as("moved back: taken again").isNull();

        assertThat(consultations.cancel(tokens.get(0))).isTrue();
        JsonNode back = find(get(path).body(), start);
        assertThat(back).as("the cancelled time is offered again").isNotNull();
        assertThat(back.get("available").asInt()).isEqualTo(1);
    }

    @Test
    void aKeptAnswerComesWithTheSameHeadersAndOddQuestionsStillGetTheControllersAnswer() throws Exception {
        String path = path("smartphone", "de");
        kept.clear();
        HttpResponse<String> computed = get(path);
        HttpResponse<String> fromMemory = get(path);
        assertThat(fromMemory.body()).isEqualTo(computed.body());
        for (String header : List.of("Content-Type", "ETag", "Cache-Control", "X-Content-Type-Options",
                "Content-Security-Policy", "X-Frame-Options")) {
            assertThat(fromMemory.headers().allValues(header)).as(header).isEqualTo(computed.headers().allValues(header))
                    .isNotEmpty();
        }
        String etag = fromMemory.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> unchanged = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unchanged.statusCode()).isEqualTo(304);

        // A repeated topic is one unknown topic to the controller: never the kept answer of the first.
        HttpResponse<String> twice = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + path + "&topic=jobs"))
                .header("Accept", "application/json").header("Accept-Language", "en").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(twice.body()).doesNotContain("\"start\"");
        HttpResponse<String> badDay = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + path.replace("&to=", "&to=x")))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(badDay.statusCode()).isEqualTo(400);
    }

    @Test
    void aHelpersAbsenceTheLabsHoursAndTheTopicsLengthShowAtOnce() throws Exception {
        String path = path("smartphone", "de");
        String before = get(path).body();
        JsonNode firstSlot = json.readTree(before).get(0);
        LocalDate day = ZonedDateTime.parse(firstSlot.get("start").asString()).toLocalDate();
        assertThat(get(path).body()).isEqualTo(before);

        List<Long> absences = jdbc.sql("""
                insert into helper_absence (helper_id, starts_on, ends_on)
                select distinct a.helper_id, :day, :day from helper_availability a join lab l on l.id = a.lab_id
                where l.slug = :lab returning id""").param("day", day).param("lab", LAB).query(Long.class).list();
        try {
            assertThat(days(get(path).body())).as("all helpers away that day").doesNotContain(day);
        } finally {
            jdbc.sql("delete from helper_absence where id in (:ids)").param("ids", absences).update();
        }
        assertThat(get(path).body()).as("back after the absence is gone").isEqualTo(before);

        jdbc.sql("insert into lab_exception (lab_id, day, closed, reason) select id, :day, true, 'OTHER' from lab where slug = :lab")
                .param("day", day).param("lab", LAB).update();
        try {
            assertThat(days(get(path).body())).as("the lab is closed that day").doesNotContain(day);
        } finally {
            jdbc.sql("delete from lab_exception where day = :day and lab_id = (select id from lab where slug = :lab)")
                    .param("day", day).param("lab", LAB).update();
        }
        assertThat(get(path).body()).isEqualTo(before);

        int minutes = jdbc.sql("select typical_minutes from topic where key = 'smartphone'").query(Integer.class).single();
        jdbc.sql("update topic set typical_minutes = :m where key = 'smartphone'").param("m", minutes + 30).update();
        try {
            JsonNode longer = json.readTree(get(path).body()).get(0);
            assertThat(ZonedDateTime.parse(longer.get("end").asString()))
                    .as("times as long as the topic now takes")
                    .isEqualTo(ZonedDateTime.parse(longer.get("start").asString()).plusMinutes(minutes + 30));
        } finally {
            jdbc.sql("update topic set typical_minutes = :m where key = 'smartphone'").param("m", minutes).update();
        }
        assertThat(get(path).body()).isEqualTo(before);
    }

    @Test
    void otherTopicsAndLanguagesGetTheirOwnAnswers() throws Exception {
        // German: both helpers; Polish: one of them; Farsi: nobody at this lab; jobs: 45 minutes instead of 30.
        List<String> paths = List.of(path("smartphone", "de"), path("jobs", "de"), path("smartphone", "pl"),
                path("smartphone", "fa"));
        Map<String, String> kept = new HashMap<>();
        for (int round = 0; round < 2; round++) {
            for (String path : paths) {
                kept.put(path, get(path).body());
            }
        }
        this.kept.clear();
        for (String path : paths) {
            assertThat(get(path).body()).as("kept answer of %s as computed afresh", path).isEqualTo(kept.get(path));
        }
        // Farsi's answer is empty, and Polish may be too when other tests left its helper no time: compare the others.
        assertThat(List.of(kept.get(path("smartphone", "de")), kept.get(path("jobs", "de")), kept.get(path("smartphone", "pl"))))
                .as("other topic, other language: other answers").doesNotHaveDuplicates();
        assertThat(kept.get(path("smartphone", "fa"))).isEqualTo("[]");
        JsonNode jobs = json.readTree(kept.get(path("jobs", "de"))).get(0);
        assertThat(ZonedDateTime.parse(jobs.get("end").asString()))
                .isEqualTo(ZonedDateTime.parse(jobs.get("start").asString()).plusMinutes(45));
    }

    @Test
    void aKeptAnswerEndsWhenItsFirstTimeComesWithinTheLeadTimeAndAtMidnight() {
        Instant now = LocalDate.now(SlotFinder.BREMEN).plusDays(3).atTime(9, 0).atZone(SlotFinder.BREMEN).toInstant();
        Clock clock = new Clock();
        clock.now = now;
        KeptFreeTimes memory = new KeptFreeTimes(versions, clock, properties);
        ZonedDateTime firstStart = now.plus(properties.leadTime()).plusSeconds(600).atZone(SlotFinder.BREMEN);
        List<Slot> free = List.of(new Slot(firstStart, firstStart.plusMinutes(30), java.util.Set.of(Mode.PHONE), 1, Map.of()));
        memory.keep(memory.look(LAB, "smartphone", "de", first, last), free, s -> "[1]".getBytes());

        clock.now = now.plusSeconds(600);
        assertThat(memory.look(LAB, "smartphone", "de", first, last).kept()).as("the first time is still offered").isNotNull();
        clock.now = now.plusSeconds(601);
        assertThat(memory.look(LAB, "smartphone", "de", first, last).kept()).as("the first time is too close now").isNull();

        // An answer without times lasts until midnight in Bremen, when the first and the last bookable day move on.
        Instant lateEvening = now.atZone(SlotFinder.BREMEN).withHour(23).withMinute(59).toInstant();
        clock.now = lateEvening;
        memory.keep(memory.look(LAB, "smartphone", "fa", first, last), List.of(), s -> "[]".getBytes());
        clock.now = lateEvening.plusSeconds(59);
        assertThat(memory.look(LAB, "smartphone", "fa", first, last).kept()).isNotNull();
        clock.now = lateEvening.plusSeconds(60);
        assertThat(memory.look(LAB, "smartphone", "fa", first, last).kept()).as("a new day").isNull();
    }

    @Test
    void keptAnswersStayWithinTheirByteBudget() {
        assertThat(properties.keptFreeTimes().toBytes()).isPositive();
        for (int i = 0; i < 40; i++) {
            kept.keep(kept.look(LAB, "smartphone", "x" + i, first, last), List.of(),
                    s -> new byte[(int) (properties.keptFreeTimes().toBytes() / 10)]);
        }
        assertThat(kept.bytes()).isLessThanOrEqualTo(properties.keptFreeTimes().toBytes());
        assertThat(kept.size()).isBetween(1, 10);
        kept.clear();
    }

    /** A clock the test sets. */
    private static final class Clock extends java.time.Clock {
        volatile Instant now;

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aBookingChangesTheFreeTimesVersionButNotThePagesVersion() throws Exception {
        String pages = versions.all();
        String slots = versions.slots();
        String start = json.readTree(get(path("smartphone", "de")).body()).get(0).get("start").asString();
        book(start);
        assertThat(versions.slots()).isNotEqualTo(slots);
        assertThat(versions.all()).as("the public pages stay kept").isEqualTo(pages);
    }

    @Test
    void noReaderSeesATimeAsFreeAfterItsBookingWasConfirmed() throws Exception {
        String path = path("smartphone", "de");
        List<JsonNode> free = new ArrayList<>();
        json.readTree(get(path).body()).forEach(free::add);
        int bookers = 4;
        int perBooker = 3;
        assertThat(free.size()).isGreaterThanOrEqualTo(bookers * perBooker);
        Map<String, Integer> offered = new HashMap<>();
        free.forEach(s -> offered.put(s.get("start").asString(), s.get("available").asInt()));
        Map<String, AtomicInteger> confirmed = new ConcurrentHashMap<>();
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(bookers + 4);
        try {
            List<Future<Integer>> booking = new ArrayList<>();
            for (int b = 0; b < bookers; b++) {
                // Each booker takes its own times, spread over the days: distinct free times, every helper of each.
                List<String> mine = new ArrayList<>();
                for (int i = 0; i < perBooker; i++) {
                    mine.add(free.get((b + bookers * i) * free.size() / (bookers * perBooker)).get("start").asString());
                }
                booking.add(pool.submit(() -> {
                    int n = 0;
                    for (String start : mine) {
                        for (int i = 0; i < offered.get(start); i++) {
                            book(start);
                            confirmed.computeIfAbsent(start, s -> new AtomicInteger()).incrementAndGet();
                            n++;
                        }
                    }
                    return n;
                }));
            }
            List<Future<Integer>> reading = new ArrayList<>();
            for (int r = 0; r < 4; r++) {
                reading.add(pool.submit(() -> {
                    int stale = 0;
                    int reads = 0;
                    while (!done.get() || reads == 0) {
                        Map<String, Integer> before = new HashMap<>();
                        confirmed.forEach((start, count) -> before.put(start, count.get()));
                        for (JsonNode s : json.readTree(get(path).body())) {
                            String start = s.get("start").asString();
                            if (s.get("available").asInt() > offered.getOrDefault(start, 0) - before.getOrDefault(start, 0)) {
                                stale++;
                            }
                        }
                        reads++;
                    }
                    return stale;
                }));
            }
            int booked = 0;
            for (Future<Integer> b : booking) {
                booked += b.get();
            }
            done.set(true);
            int stale = 0;
            for (Future<Integer> r : reading) {
                stale += r.get();
            }
            assertThat(booked).isGreaterThanOrEqualTo(bookers * perBooker);
            assertThat(stale).as("times shown as free after their booking was confirmed").isZero();
            for (String start : confirmed.keySet()) {
                assertThat(find(get(path).body(), start)).as("fully booked %s", start).isNull();
            }
        } finally {
            done.set(true);
            pool.shutdownNow();
        }
    }

    @Test
    void aBookingHeldOpenDoesNotMakeABookingOfAnotherHelperOrDayWait() throws Exception {
        List<Long> helpers = jdbc.sql("""
                select distinct a.helper_id from helper_availability a join lab l on l.id = a.lab_id
                where l.slug = :lab order by 1""").param("lab", LAB).query(Long.class).list();
        assertThat(helpers).hasSizeGreaterThanOrEqualTo(2);
        Instant nine = first.atTime(9, 0).atZone(SlotFinder.BREMEN).toInstant();
        try (Connection holding = dataSource.getConnection(); Connection other = dataSource.getConnection()) {
            holding.setAutoCommit(false);
            other.setAutoCommit(false);
            try (Statement s = other.createStatement()) {
                s.execute("set local lock_timeout = '3s'");
            }
            insert(holding, helpers.get(0), nine);
            // Another helper the same hour, and the same helper another day: neither waits for the open booking.
            insert(other, helpers.get(1), nine);
            insert(other, helpers.get(0), nine.plusSeconds(86_400));
            other.commit();
            // The same helper the same day shares the row: this one would wait for the open booking (the check that
            // the test sees waiting at all).
            try (Statement s = other.createStatement()) {
                s.execute("set local lock_timeout = '200ms'");
            }
            assertThatThrownBy(() -> insert(other, helpers.get(0), nine.plusSeconds(3_600)))
                    .isInstanceOf(SQLException.class).hasMessageContaining("lock");
            other.rollback();
            holding.rollback();
        } finally {
            jdbc.sql("delete from appointment where code like 'LK%'").update();
        }
    }

    private static void insert(Connection connection, long helper, Instant start) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into appointment (code, lab_id, helper_id, topic_key, language, mode, starts_at, ends_at,
                    ui_language, manage_token_hash)
                select 'LK' || substr(md5(random()::text), 1, 5), id, ?, 'smartphone', 'de', 'IN_PERSON', ?, ?, 'de',
                    md5(random()::text) from lab where slug = 'groepelingen'""")) {
            insert.setLong(1, helper);
            insert.setTimestamp(2, Timestamp.from(start));
            insert.setTimestamp(3, Timestamp.from(start.plusSeconds(1_800)));
            insert.executeUpdate();
        }
    }

    private String path(String topic, String language) {
        return "/api/v1/labs/" + LAB + "/slots?topic=" + topic + "&language=" + language + "&from=" + first + "&to=" + last;
    }

    private List<LocalDate> days(String body) {
        List<LocalDate> days = new ArrayList<>();
        json.readTree(body).forEach(s -> days.add(ZonedDateTime.parse(s.get("start").asString()).toLocalDate()));
        return days;
    }

    private JsonNode find(String body, String start) {
        for (JsonNode s : json.readTree(body)) {
            if (s.get("start").asString().equals(start)) {
                return s;
            }
        }
        return null;
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response;
    }

    /** Books the time through the API; returns the manage token. */
    private String book(String start) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/appointments"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"lab":"%s","topic":"smartphone","language":"de","start":"%s","mode":"IN_PERSON","consent":true}"""
                        .formatted(LAB, start))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode booked = json.readTree(response.body());
        synchronized (codes) {
            codes.add(booked.get("code").asString());
        }
        String manage = booked.get("manageUrl").asString();
        return manage.substring(manage.lastIndexOf('/') + 1);
    }
}
