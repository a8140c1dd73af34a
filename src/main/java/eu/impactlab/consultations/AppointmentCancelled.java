package eu.impactlab.consultations;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A booked appointment was cancelled, by the citizen or by staff. Anonymous, like {@link AppointmentBooked}.
 *
 * @param eventId  unique per cancellation
 * @param date     the day the appointment would have been (Europe/Berlin)
 * @param labId    the lab
 * @param topic    the topic key
 * @param language the language asked for, as a tag
 */
public record AppointmentCancelled(UUID eventId, LocalDate date, long labId, String topic, String language) {
}
