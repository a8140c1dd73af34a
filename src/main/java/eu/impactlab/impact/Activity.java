package eu.impactlab.impact;

import java.util.EnumSet;
import java.util.Set;

/** What a fact counts. */
enum Activity {
    APPOINTMENT, WALK_IN, SHORT_HELP, QUEUE_SERVED, BOOKING, CANCELLATION, NO_SHOW, COURSE_REGISTRATION,
    COURSE_WAITLIST, COURSE_ATTENDANCE, COURSE_COMPLETION, FEEDBACK;

    /** Help that was given in a consultation: one per person served. */
    static final Set<Activity> CONSULTATIONS = EnumSet.of(APPOINTMENT, WALK_IN, SHORT_HELP);
}
