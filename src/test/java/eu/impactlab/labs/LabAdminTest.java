package eu.impactlab.labs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.Logins;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import eu.impactlab.consultations.BookingOutcome;
import eu.impactlab.consultations.BookingRequest;
import eu.impactlab.consultations.ConsultationService;
import eu.impactlab.consultations.Mode;
import eu.impactlab.consultations.Slot;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

class LabAdminTest extends AbstractIntegrationTest {

    @Autowired
    LabService labs;
    @Autowired
    ConsultationService consultations;
    @Autowired
    JdbcClient jdbc;

    @Test
    void coordinatorChangesTheOpeningHoursOfTheirLabAndThePublicPageShowsThemAtOnce() throws Exception {
        MockHttpSession coordinator = Logins.as(mvc, "coordinator");
        mvc.perform(hours("groepelingen", "07:15", "21:45").session(coordinator).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/admin/labs/groepelingen"));

        String page = mvc.perform(get("/labs/groepelingen").param("lang", "de"))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("07:15\u00a0–\u00a021:45\u00a0Uhr");
    }

    @Test
    void aCoordinatorOfOneLabCannotChangeAnotherLab() throws Exception {
        MockHttpSession coordinator = Logins.as(mvc, "coordinator");
        var before = labs.twoWeeks("vegesack");

        mvc.perform(hours("vegesack", "06:00", "23:00").session(coordinator).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/labs/vegesack").session(coordinator)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/labs/vegesack/closures").session(coordinator).with(csrf())
                        .param("day", LocalDate.now().plusDays(3).toString()).param("kind", "CLOSED").param("reason", "OTHER"))
                .andExpect(status().isForbidden());

        assertThat(labs.twoWeeks("vegesack")).isEqualTo(before);
    }

    @Test
    void helpersAndOtherRolesCannotChangeLabs() throws Exception {
        for (String user : new String[] {"helper", "partner", "funder"}) {
            MockHttpSession session = Logins.as(mvc, user);
            mvc.perform(hours("groepelingen", "06:00", "23:00").session(session).with(csrf()))
                    .andExpect(status().isForbidden());
        }
    }

    @Test
    void withoutLoginTheEditPagesAskToLogIn() throws Exception {
        mvc.perform(get("/admin/labs/groepelingen/hours"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void withoutCsrfTokenNothingChanges() throws Exception {
        MockHttpSession coordinator = Logins.as(mvc, "coordinator");
        mvc.perform(hours("groepelingen", "06:00", "23:00").session(coordinator))
                .andExpect(status().isForbidden());
    }

    @Test
    void wrongHoursGetAFieldErrorInTheUsersLanguageAndKeepWhatWasTyped() throws Exception {
        MockHttpSession coordinator = Logins.as(mvc, "coordinator");
        String html = mvc.perform(hours("groepelingen", "18:00", "09:00").session(coordinator).with(csrf()).param("lang", "en"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("error-summary", "href=\"#days-0-opens1\"", "value=\"18:00\"", "value=\"09:00\"",
                "aria-invalid=\"true\"");
        assertThat(html).contains("<html lang=\"en\"");
        assertThat(labs.twoWeeks("groepelingen")).noneMatch(d -> d.periods().stream()
                .anyMatch(p -> p.opens().toString().equals("18:00")));
    }

    @Test
    void aClosureDayShowsOnThePublicPageWithItsReason() throws Exception {
        MockHttpSession coordinator = Logins.as(mvc, "coordinator");
        LocalDate nextFriday = LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).with(TemporalAdjusters.next(DayOfWeek.FRIDAY));
        mvc.perform(post("/admin/labs/groepelingen/closures").session(coordinator).with(csrf())
                        .param("day", nextFriday.toString()).param("kind", "CLOSED").param("reason", "BUILDING_WORK")
                        .param("decision", "keep"))
                .andExpect(status().is3xxRedirection());

        assertThat(labs.schedule("groepelingen", nextFriday, 1).get(0).open()).isFalse();
        String page = mvc.perform(get("/labs/groepelingen").param("lang", "de")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Arbeiten im Gebäude");

        mvc.perform(post("/admin/labs/groepelingen/closures/" + nextFriday + "/delete").session(coordinator).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(labs.schedule("groepelingen", nextFriday, 1).get(0).open()).isTrue();
    }

    @Test
    void aClosureInThePastIsRefusedWithAClearMessage() throws Exception {
        MockHttpSession coordinator = Logins.as(mvc, "coordinator");
        String html = mvc.perform(post("/admin/labs/groepelingen/closures").session(coordinator).with(csrf())
                        .param("day", "2020-01-02").param("kind", "CLOSED").param("reason", "OTHER").param("lang", "de"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Das Datum liegt in der Vergangenheit", "value=\"2020-01-02\"");
    }

    @Test
    void translatedTextsShowInTheirLanguageAndGermanIsTheFallback() throws Exception {
        MockHttpSession coordinator = Logins.as(mvc, "coordinator");
        mvc.perform(post("/admin/labs/groepelingen/texts").session(coordinator).with(csrf())
                        .param("language", "pl").param("description", "Opis po polsku: pomagamy z telefonem.").param("directions", ""))
                .andExpect(status().is3xxRedirection());
        String polish = mvc.perform(get("/labs/groepelingen").param("lang", "pl")).andReturn().getResponse().getContentAsString();
        assertThat(polish).contains("Opis po polsku: pomagamy z telefonem.");

        mvc.perform(post("/admin/labs/groepelingen/texts").session(coordinator).with(csrf())
                        .param("language", "de").param("description", "").param("directions", ""))
                .andExpect(status().isOk());
        assertThat(labs.lab("groepelingen", Language.DE).orElseThrow().description()).isNotBlank();
    }

    @Test
    void adminMayChangeAnyLab() throws Exception {
        MockHttpSession admin = Logins.as(mvc, "admin");
        mvc.perform(get("/admin/labs/osterholz/hours").session(admin)).andExpect(status().isOk());
    }

    @Test
    void changingTheHoursShowsTheBookingsLeftOutsideBeforeSavingAndNothingChangesYet() throws Exception {
        String email = "hours-" + System.nanoTime() + "@example.org";
        Booked booked = book("groepelingen", email);
        MockHttpSession coordinator = Logins.as(mvc, "coordinator");
        var before = labs.weeklyHours("groepelingen");

        // The booked weekday opens only after the appointment has ended.
        DayOfWeek weekday = booked.starts().getDayOfWeek();
        MockHttpServletRequestBuilder request = post("/admin/labs/groepelingen/hours");
        for (DayOfWeek day : DayOfWeek.values()) {
            int i = day.getValue() - 1;
            request.param("days[" + i + "].day", day.name());
            var periods = day == weekday ? List.of(new DaySchedule.TimeRange(booked.ends().toLocalTime(), LocalTime.of(23, 59)))
                    : before.get(day);
            for (int p = 0; p < periods.size(); p++) {
                request.param("days[" + i + "].opens" + (p + 1), periods.get(p).opens().toString())
                        .param("days[" + i + "].closes" + (p + 1), periods.get(p).closes().toString());
            }
        }
        String html = mvc.perform(request.session(coordinator).with(csrf()).param("lang", "de"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("Noch ist nichts gespeichert", booked.code(), "Beratungstermin",
                "Speichern, Termine absagen und Bescheid geben", "Speichern und Buchungen behalten");
        assertThat(html).doesNotContain(email);
        assertThat(labs.weeklyHours("groepelingen")).isEqualTo(before);
    }

    @Test
    void otherHoursOnADayCancelTheAppointmentOutsideAndTellThePersonWithTheCalendarCancel() throws Exception {
        String email = "closure-" + System.nanoTime() + "@example.org";
        Booked booked = book("groepelingen", email);
        MockHttpSession coordinator = Logins.as(mvc, "coordinator");
        LocalDate day = booked.starts().toLocalDate();
        MockHttpServletRequestBuilder otherHours = post("/admin/labs/groepelingen/closures")
                .param("day", day.toString()).param("kind", "OTHER_HOURS").param("reason", "EVENT")
                .param("opens", booked.ends().toLocalTime().toString()).param("closes", "23:59").param("lang", "de");

        String preview = mvc.perform(otherHours.session(coordinator).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(preview).contains(booked.code(), "1 Personen, davon 1 per E-Mail erreichbar");
        assertThat(labs.schedule("groepelingen", day, 1).get(0).reason()).isNotEqualTo(ClosureReason.EVENT);

        try {
            // as the page sends it: only the ticked appointment, so a demo course session on that day stays
            long appointment = jdbc.sql("select id from appointment where code = ?").param(booked.code()).query(Long.class).single();
            mvc.perform(otherHours.param("decision", "cancel").param("cancelChosen", "true")
                            .param("cancel", "appointment:" + appointment).session(coordinator).with(csrf()))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(redirectedUrl("/admin/labs/groepelingen"));

            assertThat(labs.schedule("groepelingen", day, 1).get(0).reason()).isEqualTo(ClosureReason.EVENT);
            assertThat(jdbc.sql("select status from appointment where code = ?").param(booked.code()).query(String.class).single())
                    .isEqualTo("CANCELLED");
            byte[] ics = jdbc.sql("select attachment_data from mail_outbox where recipient = ? and attachment_content_type like '%CANCEL%'")
                    .param(email).query(byte[].class).single();
            assertThat(new String(ics, StandardCharsets.UTF_8)).contains("METHOD:CANCEL", "STATUS:CANCELLED");
        } finally {
            mvc.perform(post("/admin/labs/groepelingen/closures/" + day + "/delete").session(coordinator).with(csrf()));
        }
    }

    @Test
    void keepingTheBookingsSavesTheClosureAndLeavesTheAppointmentBooked() throws Exception {
        Booked booked = book("groepelingen", null);
        MockHttpSession coordinator = Logins.as(mvc, "coordinator");
        LocalDate day = booked.starts().toLocalDate();
        try {
            mvc.perform(post("/admin/labs/groepelingen/closures").session(coordinator).with(csrf())
                            .param("day", day.toString()).param("kind", "CLOSED").param("reason", "TEAM_DAY")
                            .param("decision", "keep"))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(flash().attribute("keptBookings", true));
            assertThat(labs.schedule("groepelingen", day, 1).get(0).open()).isFalse();
            assertThat(jdbc.sql("select status from appointment where code = ?").param(booked.code()).query(String.class).single())
                    .isEqualTo("BOOKED");
        } finally {
            mvc.perform(post("/admin/labs/groepelingen/closures/" + day + "/delete").session(coordinator).with(csrf()));
        }
    }

    record Booked(String code, ZonedDateTime starts, ZonedDateTime ends) {
    }

    /** Books the first free in-person time at the lab, through the consultations module's public service. */
    private Booked book(String lab, String email) {
        LocalDate tomorrow = LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).plusDays(1);
        for (Slot slot : consultations.freeSlots(lab, "smartphone", "de", tomorrow, tomorrow.plusDays(20))) {
            if (!slot.modes().contains(Mode.IN_PERSON) || slot.end().toLocalTime().isAfter(LocalTime.of(23, 0))) {
                continue;
            }
            BookingOutcome outcome = consultations.book(new BookingRequest(lab, "smartphone", "de",
                    slot.start().toOffsetDateTime(), Mode.IN_PERSON, "Test", email, null, true, "de", null));
            if (outcome instanceof BookingOutcome.Booked done) {
                return new Booked(done.appointment().code(), slot.start(), slot.end());
            }
        }
        throw new AssertionError("no free time at " + lab);
    }

    /** The weekly-hours form with Monday set to the given times and every other day unchanged. */
    private MockHttpServletRequestBuilder hours(String slug, String mondayOpens, String mondayCloses) {
        var weekly = labs.schedule(slug, LocalDate.of(2026, 1, 5), 7); // a week without holidays or closures
        MockHttpServletRequestBuilder request = post("/admin/labs/" + slug + "/hours");
        for (int i = 0; i < 7; i++) {
            var periods = weekly.get(i).periods();
            request.param("days[" + i + "].day", DayOfWeek.of(i + 1).name());
            if (i == 0) {
                request.param("days[0].opens1", mondayOpens).param("days[0].closes1", mondayCloses);
                continue;
            }
            for (int p = 0; p < periods.size(); p++) {
                request.param("days[" + i + "].opens" + (p + 1), periods.get(p).opens().toString())
                        .param("days[" + i + "].closes" + (p + 1), periods.get(p).closes().toString());
            }
        }
        return request;
    }
}
