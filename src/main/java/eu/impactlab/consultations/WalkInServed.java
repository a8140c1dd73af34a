package eu.impactlab.consultations;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A walk-in ticket was served: how long people waited, per lab, day, topic and language. Anonymous, like all
 * events of this module.
 *
 * @param eventId        unique per served ticket, so a retried event is counted once
 * @param labId          the lab of the queue
 * @param date           the day of the ticket (Europe/Berlin)
 * @param topic          the topic key chosen when the ticket was drawn
 * @param language       the language asked for, as a tag
 * @param waitingMinutes minutes between drawing and calling the ticket
 */
public record WalkInServed(UUID eventId, long labId, LocalDate date, String topic, String language, int waitingMinutes) {
}
