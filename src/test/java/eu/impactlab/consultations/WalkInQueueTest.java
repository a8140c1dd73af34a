package eu.impactlab.consultations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.Logins;
import eu.impactlab.accounts.AccountService;
import eu.impactlab.consultations.ConsultationCompleted.Kind;
import eu.impactlab.consultations.ConsultationCompleted.Result;
import eu.impactlab.labs.LabService;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** The walk-in queue: numbers drawn at once stay distinct and gap-free, calling, serving, and the lab's screen. */
@RecordApplicationEvents
class WalkInQueueTest extends AbstractIntegrationTest {

    private static final int THREADS = 32;
    private static final AtomicInteger DAYS_USED = new AtomicInteger();

    @Autowired
    WalkInQueue queue;

    @Autowired
    LabService labs;

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    @Autowired
    EventSerializer serializer;

    @Test
    void manyHelpersDrawingAtOnceGetDistinctGapFreeNumbersStartingAtOne() throws Exception {
        long lab = labs.idOf("vegesack").orElseThrow();
        LocalDate day = unusedDay();
        List<Integer> numbers = atOnce(THREADS, i -> queue.draw(lab, day, "smartphone", "de", null, "helper.vegesack").number());

        assertThat(numbers).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, THREADS).boxed().toList());
        assertThat(jdbc.sql("select number from walk_in_ticket where lab_id = ? and day = ? order by number")
                .params(lab, day).query(Integer.class).list())
                .containsExactlyElementsOf(IntStream.rangeClosed(1, THREADS).boxed().toList());
        // Another lab's numbers on the same day start at 1 of their own.
        long other = labs.idOf("osterholz").orElseThrow();
        assertThat(queue.draw(other, day, "jobs", "ar", null, "helper.osterholz").number()).isEqualTo(1);
    }

    @Test
    void helpersCallingAtOnceNeverCallTheSameTicketTwice() throws Exception {
        long lab = labs.idOf("osterholz").orElseThrow();
        long helper = accounts.byUsername("helper.osterholz").orElseThrow().id();
        LocalDate day = unusedDay();
        for (int i = 0; i < THREADS / 2; i++) {
            queue.draw(lab, day, "jobs", "fa", null, "helper.osterholz");
        }
        List<Optional<QueueStore.Ticket>> called = atOnce(THREADS,
                i -> queue.callNext(lab, day, null, helper, "helper.osterholz"));

        List<Integer> numbers = called.stream().flatMap(Optional::stream).map(QueueStore.Ticket::number).toList();
        assertThat(numbers).doesNotHaveDuplicates().hasSize(THREADS / 2);
        assertThat(jdbc.sql("select count(*) from walk_in_ticket where lab_id = ? and day = ? and status = 'CALLED'")
                .params(lab, day).query(Long.class).single()).isEqualTo(THREADS / 2);
    }

    @Test
    void aDoubleClickDrawsOneTicket() throws Exception {
        MockHttpSession helper = Logins.as(mvc, "helper.osterholz");
        StaffTesting.Ticket first = StaffTesting.draw(mvc, jdbc, helper, "osterholz", "smartphone", "tr");
        String key = jdbc.sql("select request_key from walk_in_ticket where id = ?").param(first.id()).query(String.class).single();
        var again = mvc.perform(post("/staff/labs/osterholz/tickets").session(helper).with(csrf())
                        .param("topic", "smartphone").param("language", "tr").param("key", key))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(again.getFlashMap().get("drawn")).isEqualTo(first.number());
    }

    @Test
    void aServedWalkInPublishesItsWaitingTimeAndItsOutcomeAsAWalkIn() throws Exception {
        MockHttpSession helper = Logins.as(mvc, "helper");
        StaffTesting.Ticket ticket = StaffTesting.draw(mvc, jdbc, helper, "groepelingen", "banking-safety", "ar");
        StaffTesting.callUntil(mvc, helper, "groepelingen", ticket);
        var calledRow = jdbc.sql("select status, called_by_helper_id, waiting_minutes from walk_in_ticket where id = ?")
                .param(ticket.id()).query().singleRow();
        assertThat(calledRow).containsEntry("status", "CALLED")
                .containsEntry("called_by_helper_id", accounts.byUsername("helper").orElseThrow().id());
        assertThat((Integer) calledRow.get("waiting_minutes")).isNotNull().isGreaterThanOrEqualTo(0);

        mvc.perform(post("/staff/tickets/" + ticket.id() + "/served").session(helper).with(csrf()))
                .andExpect(redirectedUrl("/staff/tickets/" + ticket.id() + "/outcome"));
        long lab = labs.idOf("groepelingen").orElseThrow();
        LocalDate today = LocalDate.now(SlotFinder.BREMEN);
        int waited = (Integer) calledRow.get("waiting_minutes");
        assertThat(events.stream(WalkInServed.class)).singleElement()
                .usingRecursiveComparison().ignoringFields("eventId")
                .isEqualTo(new WalkInServed(null, lab, today, "banking-safety", "ar", waited));

        String form = mvc.perform(get("/staff/tickets/" + ticket.id() + "/outcome").session(helper))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains(">" + ticket.number() + "<");
        mvc.perform(post("/staff/tickets/" + ticket.id() + "/outcome").session(helper).with(csrf())
                        .param("topics", "banking-safety").param("result", "SOLVED").param("referral", "VERBRAUCHERZENTRALE")
                        .param("minutes", "15").param("ageBand", "NOT_STATED").param("gender", "NOT_STATED")
                        .param("stadtteil", "OUTSIDE_BREMEN").param("firstVisit", "NOT_STATED"))
                .andExpect(status().is3xxRedirection());

        assertThat(events.stream(ConsultationCompleted.class)).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(Kind.WALK_IN);
            assertThat(c.labId()).isEqualTo(lab);
            assertThat(c.date()).isEqualTo(today);
            assertThat(c.language()).isEqualTo("ar");
            assertThat(c.mode()).isEqualTo(Mode.IN_PERSON);
            assertThat(c.waitingMinutes()).isEqualTo(waited);
            assertThat(c.stadtteil()).isEqualTo(ConsultationCompleted.OUTSIDE_BREMEN);
            assertThat(c.referral()).isEqualTo(ConsultationCompleted.Referral.VERBRAUCHERZENTRALE);
        });
        assertThat(jdbc.sql("select action from walk_in_ticket_log where ticket_id = ? order by id").param(ticket.id())
                .query(String.class).list()).containsExactly("CREATED", "CALLED", "SERVED", "OUTCOME_RECORDED");
    }

    @Test
    void shortHelpIsCountedOnceInThreeTaps() throws Exception {
        MockHttpSession helper = Logins.as(mvc, "helper");
        String day = mvc.perform(get("/staff/day").session(helper)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String key = day.replaceAll("(?s).*action=\"/staff/short-help\".*?name=\"key\" value=\"([^\"]+)\".*", "$1");
        assertThat(key).hasSize(36);

        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/staff/short-help").session(helper).with(csrf()).param("key", key)
                            .param("lab", "groepelingen").param("topic", "files-photos").param("result", "SOLVED"))
                    .andExpect(status().is3xxRedirection());
        }

        assertThat(jdbc.sql("select count(*) from consultation_outcome where request_key = ?").param(key)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(events.stream(ConsultationCompleted.class)).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(Kind.SHORT_HELP);
            assertThat(c.topics()).containsExactly("files-photos");
            assertThat(c.result()).isEqualTo(Result.SOLVED);
            assertThat(c.minutes()).isNull();
            assertThat(c.waitingMinutes()).isNull();
        });
    }

    @Test
    void theScreenShowsOnlyNumbersAsAFullPageOrAsTheHtmxBoard() throws Exception {
        MockHttpSession helper = Logins.as(mvc, "helper");
        StaffTesting.Ticket ticket = StaffTesting.draw(mvc, jdbc, helper, "groepelingen", "email-messaging", "ku");
        StaffTesting.callUntil(mvc, helper, "groepelingen", ticket);

        String page = mvc.perform(get("/labs/groepelingen/now-serving").param("lang", "de"))
                .andExpect(status().isOk()).andExpect(header().string("Cache-Control", containsString("no-store")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<html lang=\"de\"", "<h1", "aria-live=\"polite\"", "hx-trigger=\"every 5s\"",
                "hx-get=\"/labs/groepelingen/now-serving?seen=", "class=\"board-number\" dir=\"ltr\">" + ticket.number() + "<",
                "href=\"/labs/groepelingen/now-serving\"", "Anzeige aktualisieren")
                .doesNotContain("E-Mail und Messenger", "Kurdî", "Digital-Lotse");

        var fragment = mvc.perform(get("/labs/groepelingen/now-serving").header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(fragment.strip()).startsWith("<div").contains("id=\"board\"", "hx-trigger=\"every 5s\"",
                ">" + ticket.number() + "<").doesNotContain("<html", "<h1", "site-header");

        // A full-screen board: no site header, menu or footer; the words in the lab's languages, the page's first.
        assertThat(page).doesNotContain("site-header", "site-footer", "<nav").contains("/css/now-serving-", "/js/now-serving");
        assertThat(page).containsPattern("<span class=\"turn\" lang=\"de\"\\s+dir=\"ltr\">Jetzt ist diese Nummer dran:</span>")
                .containsPattern("lang=\"ar\"\\s+dir=\"rtl\"\\s+aria-hidden=\"true\">")
                .containsPattern("lang=\"tr\"\\s+dir=\"ltr\"\\s+aria-hidden=\"true\">")
                .containsPattern("class=\"board-waiting turns\"><span class=\"turn\" lang=\"de\"\\s+dir=\"ltr\">Wartende Nummern: \\d+</span>");
        assertThat(fragment).contains("class=\"turn\" lang=\"de\"");

        // A screen that shows this state already gets "no content", so nothing is redrawn or announced again.
        String seen = fragment.replaceAll("(?s).*seen=([^\"&]+)\".*", "$1");
        mvc.perform(get("/labs/groepelingen/now-serving").param("seen", seen).header("HX-Request", "true"))
                .andExpect(status().isNoContent());
        mvc.perform(get("/labs/nirgendwo/now-serving")).andExpect(status().isNotFound());
    }

    @Test
    void theDayLinksTheScreenAndOffersTheQueueOfEachOwnLab() throws Exception {
        String day = mvc.perform(get("/staff/day").param("lang", "en").session(Logins.as(mvc, "coordinator")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(day).contains("My day", "href=\"/labs/groepelingen/now-serving\"", "action=\"/staff/labs/groepelingen/call-next\"",
                "action=\"/staff/labs/groepelingen/tickets\"", "action=\"/staff/short-help\"")
                .doesNotContain("/staff/labs/vegesack/");
        String home = mvc.perform(get("/admin").param("lang", "de").session(Logins.as(mvc, "helper")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(home).contains("href=\"/staff/day\"", "Mein Tag");
    }

    @Test
    void drawingWithHtmxGivesBackTheLabsQueueWithTheNewNumberNextToTheButtonsAndTheFocusOnIt() throws Exception {
        MockHttpSession helper = Logins.as(mvc, "helper");
        String key = java.util.UUID.randomUUID().toString();
        String fragment = mvc.perform(post("/staff/labs/groepelingen/tickets").param("lang", "de").session(helper).with(csrf())
                        .header("HX-Request", "true").param("topic", "smartphone").param("language", "ar").param("key", key))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        int number = jdbc.sql("select number from walk_in_ticket where request_key = ?").param(key).query(Integer.class).single();
        long id = jdbc.sql("select id from walk_in_ticket where request_key = ?").param(key).query(Long.class).single();

        assertThat(fragment.strip()).startsWith("<section").contains("id=\"queue-groepelingen\"")
                .doesNotContain("<html", "site-header", "id=\"short-help\"");
        // The result comes before the buttons, in a status region that takes the focus.
        assertThat(fragment).containsPattern("id=\"queue-result-groepelingen\" role=\"status\" aria-live=\"polite\" tabindex=\"-1\"\\s+autofocus")
                .contains("Neue Nummer", "class=\"ticket-number\" dir=\"ltr\">" + number + "<",
                        "href=\"/staff/tickets/" + id + "/slip\"");
        assertThat(fragment.indexOf("Neue Nummer")).isLessThan(fragment.indexOf("action=\"/staff/labs/groepelingen/call-next\""));
        // Fresh keys, so the next tap acts again; the used one is not offered any more.
        assertThat(fragment).contains("hx-post=\"/staff/labs/groepelingen/tickets\"").doesNotContain(key);

        String called = mvc.perform(post("/staff/labs/groepelingen/call-next").param("lang", "de").session(helper).with(csrf())
                        .header("HX-Request", "true").param("key", java.util.UUID.randomUUID().toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(called).contains("Bitte aufrufen", "id=\"queue-result-groepelingen\"").doesNotContain("<html");
    }

    @Test
    void theScreenShowsTheDeskTheHelperGaveAndTheDayRemembersIt() throws Exception {
        MockHttpSession helper = Logins.as(mvc, "helper.vegesack");
        StaffTesting.Ticket ticket = StaffTesting.draw(mvc, jdbc, helper, "vegesack", "smartphone", "uk");
        Object called = null;
        while (!Integer.valueOf(ticket.number()).equals(called)) {
            called = mvc.perform(post("/staff/labs/vegesack/call-next").session(helper).with(csrf())
                            .param("key", java.util.UUID.randomUUID().toString()).param("desk", "Platz 3"))
                    .andExpect(status().is3xxRedirection()).andReturn().getFlashMap().get("called");
            assertThat(called).isNotNull();
        }
        String screen = mvc.perform(get("/labs/vegesack/now-serving").param("lang", "de"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(screen).contains(">Bitte zu: Platz 3<", ">Будь ласка, підійдіть: Platz 3<");
        String day = mvc.perform(get("/staff/day").session(helper)).andReturn().getResponse().getContentAsString();
        assertThat(day).containsPattern("name=\"desk\"[^>]*value=\"Platz 3\"");
    }

    @Test
    void withoutJavaScriptTheDrawComesBackToTheQueuesAnchorWithTheNumberInThatSection() throws Exception {
        MockHttpSession helper = Logins.as(mvc, "helper");
        var drawn = mvc.perform(post("/staff/labs/groepelingen/tickets").session(helper).with(csrf())
                        .param("topic", "smartphone").param("language", "tr").param("key", java.util.UUID.randomUUID().toString()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/staff/day#queue-groepelingen"))
                .andReturn();
        var flash = drawn.getFlashMap();
        var page = get("/staff/day").param("lang", "de").session(helper);
        flash.forEach(page::flashAttr);
        String day = mvc.perform(page).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        int section = day.indexOf("id=\"queue-groepelingen\"");
        int result = day.indexOf("class=\"ticket-number\" dir=\"ltr\">" + flash.get("drawn") + "<");
        assertThat(section).isPositive();
        assertThat(result).isGreaterThan(section).isLessThan(day.indexOf("action=\"/staff/labs/groepelingen/call-next\""));
        assertThat(day).containsPattern("id=\"queue-result-groepelingen\"[^>]*autofocus");
    }

    @Test
    void shortHelpWithHtmxSaysWhatWasSavedBesideTheButtonAndCountsOncePerForm() throws Exception {
        MockHttpSession helper = Logins.as(mvc, "helper");
        String key = java.util.UUID.randomUUID().toString();
        String fragment = "";
        for (int i = 0; i < 2; i++) {
            fragment = mvc.perform(post("/staff/short-help").param("lang", "de").session(helper).with(csrf())
                            .header("HX-Request", "true").param("key", key).param("lab", "groepelingen")
                            .param("topic", "smartphone").param("result", "SOLVED"))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        }
        assertThat(jdbc.sql("select count(*) from consultation_outcome where request_key = ?").param(key)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(fragment.strip()).startsWith("<section").contains("id=\"short-help\"", "Gespeichert")
                .containsPattern("id=\"short-help-result\" role=\"status\" aria-live=\"polite\" tabindex=\"-1\"\\s+autofocus")
                .doesNotContain("<html", "value=\"" + key + "\"");
        assertThat(fragment.indexOf("Gespeichert")).isLessThan(fragment.indexOf("type=\"submit\""));

        // Without JavaScript: back to the result's anchor, and the page shows it there.
        mvc.perform(post("/staff/short-help").session(helper).with(csrf()).param("key", java.util.UUID.randomUUID().toString())
                        .param("lab", "groepelingen").param("topic", "smartphone").param("result", "SOLVED"))
                .andExpect(redirectedUrl("/staff/day#short-help-result"));
    }

    @Test
    void theEventsSurviveTheEventPublicationRegistrysSerialization() {
        // Listeners of other modules get these events from the registry's table after a restart, so they must round-trip.
        var completed = new ConsultationCompleted(java.util.UUID.randomUUID(), LocalDate.of(2026, 3, 3), 1, Kind.WALK_IN, List.of("jobs", "other"), "uk",
                Mode.IN_PERSON, Result.NOT_SOLVED, ConsultationCompleted.Referral.MIGRATIONSAMT, 25,
                ConsultationCompleted.AgeBand.FROM_18_TO_29, ConsultationCompleted.Gender.DIVERSE, "Östliche Vorstadt",
                ConsultationCompleted.FirstVisit.NO, 12);
        var served = new WalkInServed(java.util.UUID.randomUUID(), 2, LocalDate.of(2026, 3, 3), "jobs", "uk", 12);
        assertThat(serializer.deserialize(serializer.serialize(completed), ConsultationCompleted.class)).isEqualTo(completed);
        assertThat(serializer.deserialize(serializer.serialize(served), WalkInServed.class)).isEqualTo(served);
        assertThat(serializer.serialize(completed).toString()).contains("\"kind\":\"WALK_IN\"", "\"date\":\"2026-03-03\"");
    }

    /** A day far away that no other test uses, so numbers start at 1 (each test JVM has a fresh database). */
    private static LocalDate unusedDay() {
        return LocalDate.of(2090, 1, 1).plusDays(DAYS_USED.getAndIncrement());
    }

    interface Task<T> {
        T run(int index) throws Exception;
    }

    /** Runs the task on many threads released at the same moment. */
    private static <T> List<T> atOnce(int threads, Task<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int index = i;
                Callable<T> call = () -> {
                    ready.countDown();
                    go.await();
                    return task.run(index);
                };
                futures.add(pool.submit(call));
            }
            ready.await();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
