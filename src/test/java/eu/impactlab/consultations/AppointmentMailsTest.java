package eu.impactlab.consultations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.AbstractIntegrationTest;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** With an e-mail address, people get a confirmation with the invitation, a cancellation, and a reminder. */
class AppointmentMailsTest extends AbstractIntegrationTest {

    @Autowired
    ConsultationService consultations;
    @Autowired
    ReminderJob reminders;
    @Autowired
    JdbcClient jdbc;

    @Test
    void bookingAndCancellingPutMailsWithCalendarInvitationsInTheOutboxInTheBookersLanguage() throws Exception {
        String email = "confirm-" + System.nanoTime() + "@example.org";
        BookingOutcome.Booked booked = book("tr", email, 2);

        var mail = jdbc.sql("select subject, body, attachment_content_type, attachment_data from mail_outbox where recipient = ?")
                .param(email).query().singleRow();
        assertThat((String) mail.get("subject")).contains("randevunuz");
        assertThat((String) mail.get("body")).contains(booked.appointment().code(), "/appointments/" + booked.manageToken());
        assertThat((String) mail.get("attachment_content_type")).contains("method=REQUEST");
        Calendar invitation = parse((byte[]) mail.get("attachment_data"));
        assertThat(invitation.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("REQUEST");
        assertThat(new String((byte[]) mail.get("attachment_data"), StandardCharsets.UTF_8)).contains("TZID=Europe/Berlin", "BEGIN:VTIMEZONE");

        assertThat(consultations.cancel(booked.manageToken())).isTrue();
        var cancel = jdbc.sql("select attachment_data from mail_outbox where recipient = ? and attachment_content_type like '%CANCEL%'")
                .param(email).query(byte[].class).single();
        String ics = new String(cancel, StandardCharsets.UTF_8);
        assertThat(ics).contains("METHOD:CANCEL", "STATUS:CANCELLED", "UID:appointment-");
    }

    @Test
    void withoutAnAddressNoMailIsWritten() {
        long before = jdbc.sql("select count(*) from mail_outbox").query(Long.class).single();
        book("de", null, 3);
        assertThat(jdbc.sql("select count(*) from mail_outbox").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void theCalendarFileOfTheManageLinkIsValidICalendar() throws Exception {
        BookingOutcome.Booked booked = book("de", null, 4);
        byte[] ics = mvc.perform(get("/appointments/" + booked.manageToken() + "/calendar.ics"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        Calendar calendar = parse(ics);
        assertThat(calendar.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("PUBLISH");
        assertThat(new String(ics, StandardCharsets.UTF_8)).contains("DTSTART;TZID=Europe/Berlin");
    }

    @Test
    void remindersGoOutOnceForTomorrowsAppointments() {
        String email = "remind-" + System.nanoTime() + "@example.org";
        BookingOutcome.Booked booked = book("en", email, 1);
        boolean tomorrow = booked.appointment().start().toLocalDate().equals(LocalDate.now(SlotFinder.BREMEN).plusDays(1));
        reminders.sendReminders();
        reminders.sendReminders();
        long count = jdbc.sql("select count(*) from mail_outbox where recipient = ? and subject like 'Reminder%'")
                .param(email).query(Long.class).single();
        assertThat(count).isEqualTo(tomorrow ? 1 : 0);
    }

    /** Books the first free time at Vegesack that many days ahead (or the next day with free times). */
    private BookingOutcome.Booked book(String uiLanguage, String email, int daysAhead) {
        LocalDate from = LocalDate.now(SlotFinder.BREMEN).plusDays(daysAhead);
        Slot slot = consultations.freeSlots("vegesack", "computer-basics", "de", from, from.plusDays(7)).get(0);
        BookingOutcome outcome = consultations.book(new BookingRequest("vegesack", "computer-basics", "de",
                slot.start().toOffsetDateTime(), Mode.IN_PERSON, "Test", email, null, true, uiLanguage, null));
        assertThat(outcome).isInstanceOf(BookingOutcome.Booked.class);
        return (BookingOutcome.Booked) outcome;
    }

    private static Calendar parse(byte[] ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(new String(ics, StandardCharsets.UTF_8)));
    }

}
