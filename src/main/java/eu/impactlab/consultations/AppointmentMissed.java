package eu.impactlab.consultations;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Staff marked an appointment as a no-show. Anonymous, like {@link AppointmentBooked}.
 *
 * @param eventId  unique per no-show
 * @param date     the day of the appointment (Europe/Berlin)
 * @param labId    the lab
 * @param topic    the topic key
 * @param language the language asked for, as a tag
 */
public record AppointmentMissed(UUID eventId, LocalDate date, long labId, String topic, String language) {
}
