package eu.impactlab.consultations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.AbstractIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** From the manage link, an appointment moves to another free time; code and link stay, calendars update. */
class MoveAppointmentTest extends AbstractIntegrationTest {

    @Autowired
    ConsultationService consultations;
    @Autowired
    JdbcClient jdbc;

    @Test
    void movesToAnotherFreeTimeKeepingCodeAndLinkAndSendsAnUpdatedInvitation() throws Exception {
        String email = "move-" + System.nanoTime() + "@example.org";
        LocalDate from = LocalDate.now(SlotFinder.BREMEN).plusDays(2);
        List<Slot> free = consultations.freeSlots("osterholz", "small-business", "tr", from, from.plusDays(7));
        BookingOutcome.Booked booked = (BookingOutcome.Booked) consultations.book(new BookingRequest("osterholz",
                "small-business", "tr", free.get(0).start().toOffsetDateTime(), Mode.IN_PERSON, null, email, null, true, "tr", null));
        String token = booked.manageToken();

        String page = mvc.perform(get("/appointments/" + token + "/move")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("type=\"radio\" name=\"start\"");

        Slot later = consultations.moveOptions(token).stream()
                .filter(s -> s.start().isAfter(booked.appointment().end()))
                .findFirst().orElseThrow();
        mvc.perform(post("/appointments/" + token + "/move").param("start", later.start().toLocalDateTime().toString()))
                .andExpect(status().is3xxRedirection());

        AppointmentView moved = consultations.appointment(token, eu.impactlab.labs.Language.TR).orElseThrow();
        assertThat(moved.code()).isEqualTo(booked.appointment().code());
        assertThat(moved.start().toInstant()).isEqualTo(later.start().toInstant());
        byte[] update = jdbc.sql("select attachment_data from mail_outbox where recipient = ? order by id desc limit 1")
                .param(email).query(byte[].class).single();
        assertThat(new String(update, StandardCharsets.UTF_8)).contains("METHOD:REQUEST", "SEQUENCE:1",
                "UID:appointment-");
        // The old time is free again.
        assertThat(consultations.freeSlots("osterholz", "small-business", "tr", from, from.plusDays(7)))
                .anyMatch(s -> s.start().toInstant().equals(booked.appointment().start().toInstant()));
    }

    @Test
    void theMovePageAsksForTheDayFirstAndShowsOneDaysTimesWithTheButtonRightBelow() throws Exception {
        LocalDate from = LocalDate.now(SlotFinder.BREMEN).plusDays(1);
        Slot slot = consultations.freeSlots("groepelingen", "smartphone", "de", from, from.plusDays(7)).get(0);
        String token = ((BookingOutcome.Booked) consultations.book(new BookingRequest("groepelingen", "smartphone", "de",
                slot.start().toOffsetDateTime(), Mode.IN_PERSON, null, null, null, true, "de", null))).manageToken();
        java.util.Map<LocalDate, Long> perDay = consultations.moveOptions(token).stream().collect(java.util.stream.Collectors
                .groupingBy(s -> s.start().toLocalDate(), java.util.TreeMap::new, java.util.stream.Collectors.counting()));
        assertThat(perDay).hasSizeGreaterThan(1);
        LocalDate second = List.copyOf(perDay.keySet()).get(1);

        String page = mvc.perform(get("/appointments/" + token + "/move").param("day", second.toString()).param("lang", "de"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // Every day with free times is a link with its count; only the chosen day's times are choices.
        for (var day : perDay.entrySet()) {
            assertThat(page).contains("href=\"/appointments/" + token + "/move?day=" + day.getKey() + "#times\"");
            assertThat(page).contains(day.getValue() + " frei");
        }
        assertThat(page.split("type=\"radio\" name=\"start\"", -1)).hasSize(perDay.get(second).intValue() + 1);
        assertThat(page).contains("value=\"" + second + "T").doesNotContain("value=\"" + perDay.keySet().iterator().next() + "T");
        assertThat(page.indexOf("Auf diese Zeit verschieben</button>") - page.lastIndexOf("type=\"radio\" name=\"start\""))
                .as("the button right after the times").isLessThan(400);
    }

    @Test
    void aCancelledAppointmentCannotBeMoved() throws Exception {
        LocalDate from = LocalDate.now(SlotFinder.BREMEN).plusDays(3);
        Slot slot = consultations.freeSlots("vegesack", "learning", "uk", from, from.plusDays(7)).get(0);
        BookingOutcome.Booked booked = (BookingOutcome.Booked) consultations.book(new BookingRequest("vegesack", "learning",
                "uk", slot.start().toOffsetDateTime(), Mode.IN_PERSON, null, null, null, true, "uk", null));
        consultations.cancel(booked.manageToken());
        assertThat(consultations.move(booked.manageToken(), slot.start().plusHours(1).toOffsetDateTime()))
                .isInstanceOf(BookingOutcome.Invalid.class);
    }
}
