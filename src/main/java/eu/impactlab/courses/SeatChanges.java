package eu.impactlab.courses;

import org.springframework.stereotype.Component;

/**
 * TEMPORARY until branch courses-public is merged: stands in for its package-private {@code Seats}, which owns
 * registrations and their mails. Replace the field type in {@link CourseAdmin} with {@code Seats} and delete this file.
 */
@Component
class SeatChanges {

    /** Seats.promoteWaitlist(courseId, actor): free seats go to the waitlist in its order, each person told once. */
    void promoteWaitlist(long courseId, String actor) {
        throw new UnsupportedOperationException("needs Seats.promoteWaitlist from branch courses-public");
    }

    /** Seats.cancelCourse(courseId, actor): the course is cancelled and every registrant is told once. */
    void cancelCourse(long courseId, String actor) {
        throw new UnsupportedOperationException("needs Seats.cancelCourse from branch courses-public");
    }
}
