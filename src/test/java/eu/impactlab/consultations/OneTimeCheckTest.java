package eu.impactlab.consultations;

import static org.assertj.core.api.Assertions.assertThat;

import eu.impactlab.AbstractIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Date;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.ObjectMapper;

/**
 * A booking checks only the wished time (one query) instead of computing the whole day: it must find exactly the
 * helpers the free-time list offers for that time and way of meeting, least busy first, and nobody at a time that is
 * not on the list (absences and appointments included).
 */
class OneTimeCheckTest extends AbstractIntegrationTest {

    @Autowired
    SlotFinder finder;

    @Autowired
    ConsultationStore store;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    private final HttpClient client = HttpClient.newHttpClient();

    private Long absenceId;

    @AfterEach
    void removeAbsence() {
        if (absenceId != null) {
            jdbc.sql("delete from helper_absence where id = ?").param(absenceId).update();
        }
    }

    @Test
    void theOneTimeCheckAgreesWithTheFreeTimeListOnEveryHalfHour() {
        long lab = jdbc.sql("select id from lab where slug = 'groepelingen'").query(Long.class).single();
        List<Long> helpers = store.matchingHelpers(lab, "smartphone", "de");
        assertThat(helpers).as("demo helpers at Gröpelingen").hasSizeGreaterThan(1);
        LocalDate from = LocalDate.now(SlotFinder.BREMEN).plusDays(3);
        LocalDate to = from.plusDays(7);
        // One helper away on one day, so the check must see absences too.
        absenceId = jdbc.sql("insert into helper_absence (helper_id, starts_on, ends_on) values (?, ?, ?) returning id")
                .params(helpers.get(0), Date.valueOf(from.plusDays(1)), Date.valueOf(from.plusDays(1)))
                .query(Long.class).single();

        List<Slot> free = finder.find(lab, "groepelingen", "smartphone", 60, "de", from, to);
        assertThat(free).isNotEmpty();
        Set<Instant> freeStarts = new HashSet<>();
        for (Slot slot : free) {
            freeStarts.add(slot.start().toInstant());
            for (Mode mode : Mode.values()) {
                List<Long> expected = slot.helpers().entrySet().stream().filter(e -> e.getValue().contains(mode))
                        .map(Map.Entry::getKey).sorted(leastBusyFirst(slot.start())).toList();
                assertThat(finder.helpersFreeAt(lab, "groepelingen", "smartphone", 60, "de", slot.start().toInstant(), mode))
                        .as("%s %s", slot.start(), mode).isEqualTo(expected);
            }
        }
        for (ZonedDateTime t = from.atStartOfDay(SlotFinder.BREMEN); t.isBefore(to.plusDays(1).atStartOfDay(SlotFinder.BREMEN));
                t = t.plusMinutes(15)) {
            if (!freeStarts.contains(t.toInstant())) {
                assertThat(finder.helpersFreeAt(lab, "groepelingen", "smartphone", 60, "de", t.toInstant(), Mode.IN_PERSON))
                        .as("%s is no free time", t).isEmpty();
            }
        }
    }

    @Test
    void aLanguageNobodySpeaksIsStillRefusedAsSuchAndNotAsTaken() throws Exception {
        LocalDate day = LocalDate.now(SlotFinder.BREMEN).plusDays(5);
        HttpResponse<String> slots = client.send(HttpRequest.newBuilder(URI.create(baseUrl()
                + "/api/v1/labs/groepelingen/slots?topic=smartphone&language=de&from=" + day + "&to=" + day.plusDays(6)))
                .build(), HttpResponse.BodyHandlers.ofString());
        String start = json.readTree(slots.body()).get(0).get("start").asString();
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/appointments"))
                .header("Content-Type", "application/json").header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"lab":"groepelingen","topic":"smartphone","language":"ls","start":"%s","mode":"IN_PERSON","consent":true}"""
                        .formatted(start))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(json.readTree(answer.body()).get("errors").propertyNames()).containsExactly("language");
    }

    private Comparator<Long> leastBusyFirst(ZonedDateTime start) {
        LocalDate day = start.toLocalDate();
        Instant dayStart = day.atStartOfDay(SlotFinder.BREMEN).toInstant();
        Map<Long, Long> load = store.appointmentsOn(store.matchingHelpers(
                jdbc.sql("select id from lab where slug = 'groepelingen'").query(Long.class).single(), "smartphone", "de"),
                dayStart, dayStart.plus(Duration.ofDays(1)).plusSeconds(0));
        return Comparator.comparingLong((Long h) -> load.getOrDefault(h, 0L)).thenComparing(h -> h);
    }
}
