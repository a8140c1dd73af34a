package eu.impactlab.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.Test;

/** The calendar files that people's calendar apps read: parsed back with ical4j, as a calendar app would. */
class CalendarInvitationsTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant NOW = Instant.parse("2026-03-02T09:15:30Z");

    private final CalendarInvitations calendars = new CalendarInvitations(Clock.fixed(NOW, ZoneOffset.UTC));

    /** Tuesday, 10 March 2026, 14:30 in Bremen, given in UTC to show that the file still says Berlin time. */
    private final Invitation invitation = new Invitation("appointment-42@impactlab", 0,
            ZonedDateTime.of(2026, 3, 10, 13, 30, 0, 0, ZoneOffset.UTC),
            ZonedDateTime.of(2026, 3, 10, 14, 15, 0, 0, ZoneOffset.UTC),
            "Beratung im Digital Impact Lab Gröpelingen", "Bringen Sie Ihr Handy mit.\nTermin-Code: K7M-2QX",
            "Lindenhofstraße 53, 28237 Bremen", "http://localhost:8080/m/abc", "noreply@impactlab.invalid",
            "ayse@example.org");

    @Test
    void anInvitationIsAValidRequestInBerlinTimeWithItsTimeZone() throws Exception {
        byte[] ics = calendars.request(invitation);
        String text = new String(ics, StandardCharsets.UTF_8);
        Calendar calendar = parse(ics);

        assertThat(calendar.validate().hasErrors()).as(calendar.validate().toString()).isFalse();
        assertThat(value(calendar, Property.METHOD)).isEqualTo("REQUEST");
        assertThat(value(calendar, Property.PRODID)).isEqualTo("-//Impact Lab//Impact Lab//DE");
        assertThat(value(calendar, Property.VERSION)).isEqualTo("2.0");

        VTimeZone zone = calendar.<VTimeZone>getComponent("VTIMEZONE").orElseThrow();
        assertThat(zone.getProperty(Property.TZID).orElseThrow().getValue()).isEqualTo("Europe/Berlin");
        assertThat(zone.getProperty(Property.TZURL)).as("no pointer to a third-party server").isEmpty();

        VEvent event = calendar.<VEvent>getComponent("VEVENT").orElseThrow();
        assertThat(event.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo("appointment-42@impactlab");
        assertThat(event.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("0");
        assertThat(event.getProperty(Property.STATUS).orElseThrow().getValue()).isEqualTo("CONFIRMED");
        assertThat(event.getProperty(Property.DTSTAMP).orElseThrow().getValue()).isEqualTo("20260302T091530Z");
        assertThat(event.getProperty(Property.ORGANIZER).orElseThrow().getValue()).isEqualTo("mailto:noreply@impactlab.invalid");
        assertThat(event.getProperty(Property.ATTENDEE).orElseThrow().getValue()).isEqualTo("mailto:ayse@example.org");
        assertThat(event.getProperty(Property.SUMMARY).orElseThrow().getValue()).isEqualTo("Beratung im Digital Impact Lab Gröpelingen");
        assertThat(event.getProperty(Property.DESCRIPTION).orElseThrow().getValue()).isEqualTo("Bringen Sie Ihr Handy mit.\nTermin-Code: K7M-2QX");
        assertThat(event.getProperty(Property.URL).orElseThrow().getValue()).isEqualTo("http://localhost:8080/m/abc");
        // 13:30 UTC is 14:30 in Bremen (winter time), written with the zone, not as UTC.
        assertThat(text).contains("DTSTART;TZID=Europe/Berlin:20260310T143000\r\n",
                "DTEND;TZID=Europe/Berlin:20260310T151500\r\n");
        ZonedDateTime start = event.<ZonedDateTime>getStartDate().orElseThrow().getDate();
        assertThat(start.toInstant()).isEqualTo(invitation.start().toInstant());
        // ical4j reads the zone from the file's VTIMEZONE (under an id of its own) and gets the same local time.
        assertThat(start.toLocalDateTime()).isEqualTo(invitation.start().withZoneSameInstant(BERLIN).toLocalDateTime());
    }

    @Test
    void aCancellationHasTheSameUidAHigherSequenceAndStatusCancelled() throws Exception {
        Calendar calendar = parse(calendars.cancel(invitation));

        assertThat(calendar.validate().hasErrors()).as(calendar.validate().toString()).isFalse();
        assertThat(value(calendar, Property.METHOD)).isEqualTo("CANCEL");
        assertThat(calendar.getComponent("VTIMEZONE")).isPresent();
        VEvent event = calendar.<VEvent>getComponent("VEVENT").orElseThrow();
        assertThat(event.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo("appointment-42@impactlab");
        assertThat(event.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("1");
        assertThat(event.getProperty(Property.STATUS).orElseThrow().getValue()).isEqualTo("CANCELLED");
        assertThat(event.getProperty(Property.DTSTART).orElseThrow().getParameter("TZID").orElseThrow().getValue())
                .isEqualTo("Europe/Berlin");
    }

    @Test
    void aDownloadIsAPublishedEventWithoutAttendees() throws Exception {
        Calendar calendar = parse(calendars.publish(invitation));

        assertThat(calendar.validate().hasErrors()).as(calendar.validate().toString()).isFalse();
        assertThat(value(calendar, Property.METHOD)).isEqualTo("PUBLISH");
        VEvent event = calendar.<VEvent>getComponent("VEVENT").orElseThrow();
        assertThat(event.getProperty(Property.ATTENDEE)).isEmpty();
        assertThat(event.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo("appointment-42@impactlab");
    }

    @Test
    void summerTimeIsWrittenInLocalTimeToo() throws Exception {
        Invitation july = new Invitation("course-7-session-3@impactlab", 2,
                ZonedDateTime.of(2026, 7, 1, 10, 0, 0, 0, BERLIN), ZonedDateTime.of(2026, 7, 1, 12, 0, 0, 0, BERLIN),
                "Smartphone für Anfänger", null, null, null, "noreply@impactlab.invalid", "kurs@example.org");
        String text = new String(calendars.request(july), StandardCharsets.UTF_8);
        assertThat(text).contains("DTSTART;TZID=Europe/Berlin:20260701T100000", "SEQUENCE:2")
                .doesNotContain("\r\nDESCRIPTION", "\r\nLOCATION", "\r\nURL");
        assertThat(parse(text.getBytes(StandardCharsets.UTF_8)).validate().hasErrors()).isFalse();
    }

    @Test
    void aMailAttachmentCarriesTheMethodInItsContentType() {
        OutgoingMail.Attachment attachment = calendars.requestAttachment(invitation);
        assertThat(attachment.filename()).endsWith(".ics");
        assertThat(attachment.contentType()).isEqualTo("text/calendar; charset=UTF-8; method=REQUEST");
        assertThat(calendars.cancelAttachment(invitation).contentType()).endsWith("method=CANCEL");
    }

    @Test
    void anInvitationByMailNeedsTheAttendee() {
        Invitation withoutAttendee = new Invitation("x@impactlab", 0, invitation.start(), invitation.end(), "Termin",
                null, null, null, "noreply@impactlab.invalid", null);
        assertThatThrownBy(() -> calendars.request(withoutAttendee)).isInstanceOf(IllegalArgumentException.class);
        assertThat(calendars.publish(withoutAttendee)).isNotEmpty();
        assertThatThrownBy(() -> new Invitation("x", 0, invitation.end(), invitation.start(), "Termin", null, null,
                null, "noreply@impactlab.invalid", null)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Calendar parse(byte[] ics) throws Exception {
        return new CalendarBuilder().build(new ByteArrayInputStream(ics));
    }

    private static String value(Calendar calendar, String name) {
        return calendar.getProperty(name).orElseThrow().getValue();
    }
}
