package eu.impactlab.courses;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A participant reached the course's completion rule (by default 75 % of the sessions). Published once per
 * participant and course.
 *
 * @param eventId unique per completion, so a retried event is counted once
 * @param date    the day of the session that completed it (Europe/Berlin)
 * @param course  what the course is
 * @param visitor what the participant chose to tell about themselves
 * @param registrationId the participant's registration, so the skills module can send the badge claim link; the
 *                       impact module ignores it
 */
public record CourseCompleted(UUID eventId, LocalDate date, CourseFacts course, VisitorFacts visitor, long registrationId) {
}
