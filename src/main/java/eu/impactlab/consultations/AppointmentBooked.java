package eu.impactlab.consultations;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An appointment was booked. Anonymous: no appointment id, no name, no helper.
 *
 * @param eventId  unique per booking, so a retried event is counted once
 * @param date     the day of the appointment (Europe/Berlin)
 * @param labId    the lab
 * @param topic    the topic key
 * @param language the language asked for, as a tag
 * @param mode     how people will meet
 */
public record AppointmentBooked(UUID eventId, LocalDate date, long labId, String topic, String language, Mode mode) {
}
