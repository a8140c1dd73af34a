package eu.impactlab.courses;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Somebody registered for a course, with a seat or on the waitlist. Anonymous: no registration id, no name.
 *
 * @param eventId    unique per registration, so a retried event is counted once
 * @param date       the day of the registration (Europe/Berlin)
 * @param course     what the course is
 * @param visitor    what the person chose to tell about themselves
 * @param waitlisted true when the course was full and the person joined the waitlist
 */
public record CourseRegistered(UUID eventId, LocalDate date, CourseFacts course, VisitorFacts visitor, boolean waitlisted) {
}
