package eu.impactlab.consultations;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A citizen answered "Did this help you?" on the manage page of an appointment that took place, once per appointment.
 *
 * @param eventId  unique per answer
 * @param date     the day of the appointment (Europe/Berlin)
 * @param labId    the lab
 * @param topic    the topic key
 * @param language the language of the appointment, as a tag
 * @param score    1 (not at all) to 5 (very much)
 */
public record ConsultationFeedbackGiven(UUID eventId, LocalDate date, long labId, String topic, String language,
        int score) {
}
