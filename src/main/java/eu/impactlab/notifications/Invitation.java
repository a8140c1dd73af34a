package eu.impactlab.notifications;

import java.time.ZonedDateTime;

/**
 * One appointment or course session as a calendar event.
 *
 * @param uid stable for the life of the event (the same in the invitation, its updates and its cancellation),
 *            e.g. {@code appointment-42@impactlab}
 * @param sequence 0 for the first invitation, one more for each change
 * @param start in any zone; calendars get it in Europe/Berlin
 * @param end after {@code start}
 * @param summary the title, e.g. "Beratung im Digital Impact Lab Gröpelingen"
 * @param description optional, plain text
 * @param location optional, e.g. the lab's address
 * @param url optional, e.g. the private manage link
 * @param organizerEmail the address replies go to, e.g. the lab's or the app's sender address
 * @param attendeeEmail the person invited; required for {@link CalendarInvitations#request}, optional otherwise
 */
public record Invitation(
        String uid, int sequence, ZonedDateTime start, ZonedDateTime end, String summary, String description,
        String location, String url, String organizerEmail, String attendeeEmail) {

    public Invitation {
        if (uid == null || uid.isBlank()) {
            throw new IllegalArgumentException("an invitation needs a uid");
        }
        if (sequence < 0) {
            throw new IllegalArgumentException("the sequence starts at 0");
        }
        if (start == null || end == null || !end.isAfter(start)) {
            throw new IllegalArgumentException("an invitation needs a start and a later end");
        }
        if (summary == null || summary.isBlank()) {
            throw new IllegalArgumentException("an invitation needs a summary");
        }
        if (organizerEmail == null || organizerEmail.isBlank()) {
            throw new IllegalArgumentException("an invitation needs an organizer");
        }
    }
}
