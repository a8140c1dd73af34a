package eu.impactlab.courses;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A participant answered "Did this help you?" from their manage link, once per registration.
 *
 * @param eventId unique per answer
 * @param date    the day of the answer (Europe/Berlin)
 * @param course  what the course is
 * @param score   1 (not at all) to 5 (very much)
 */
public record CourseFeedbackGiven(UUID eventId, LocalDate date, CourseFacts course, int score) {
}
