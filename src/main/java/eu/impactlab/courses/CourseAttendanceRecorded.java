package eu.impactlab.courses;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A participant's attendance at one session changed. Published only on a change: present=true when ticked,
 * present=false when a tick was taken back, so counting +1 and -1 gives the attendance.
 *
 * @param eventId unique per change, so a retried event is counted once
 * @param date    the day of the session (Europe/Berlin)
 * @param course  what the course is
 * @param visitor what the participant chose to tell about themselves
 * @param present whether the participant is now marked present
 */
public record CourseAttendanceRecorded(UUID eventId, LocalDate date, CourseFacts course, VisitorFacts visitor,
        boolean present) {
}
