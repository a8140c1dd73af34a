package eu.impactlab.impact;

import eu.impactlab.consultations.AppointmentBooked;
import eu.impactlab.consultations.AppointmentCancelled;
import eu.impactlab.consultations.AppointmentMissed;
import eu.impactlab.consultations.ConsultationCompleted;
import eu.impactlab.consultations.ConsultationFeedbackGiven;
import eu.impactlab.consultations.WalkInServed;
import eu.impactlab.courses.CourseAttendanceRecorded;
import eu.impactlab.courses.CourseCompleted;
import eu.impactlab.courses.CourseFacts;
import eu.impactlab.courses.CourseFeedbackGiven;
import eu.impactlab.courses.CourseRegistered;
import eu.impactlab.courses.VisitorFacts;
import java.util.List;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns other modules' events into anonymous facts. Each listener runs after the publisher's transaction committed,
 * in its own transaction; the event publication registry keeps the event until the listener succeeded, and
 * incomplete publications are resubmitted on restart ({@code spring.modulith.events.republish-outstanding-events-on-restart}),
 * so a failing listener loses nothing, and the unique event id makes the retry count once.
 */
@Component
class FactListeners {

    private final FactStore facts;

    FactListeners(FactStore facts) {
        this.facts = facts;
    }

    @ApplicationModuleListener
    void on(ConsultationCompleted event) {
        Activity activity = Activity.valueOf(event.kind().name());
        facts.add(Fact.of(event.eventId(), event.date(), event.labId(), activity)
                .withTopics(event.topics())
                .withLanguage(event.language())
                .withVisitor(name(event.ageBand()), name(event.gender()), event.stadtteil())
                .withOutcome(name(event.firstVisit()), name(event.result()), name(event.referral()))
                .withWaiting(event.waitingMinutes()));
    }

    @ApplicationModuleListener
    void on(WalkInServed event) {
        facts.add(Fact.of(event.eventId(), event.date(), event.labId(), Activity.QUEUE_SERVED)
                .withTopics(topic(event.topic())).withLanguage(event.language()).withWaiting(event.waitingMinutes()));
    }

    @ApplicationModuleListener
    void on(AppointmentBooked event) {
        facts.add(Fact.of(event.eventId(), event.date(), event.labId(), Activity.BOOKING)
                .withTopics(topic(event.topic())).withLanguage(event.language()));
    }

    @ApplicationModuleListener
    void on(AppointmentCancelled event) {
        facts.add(Fact.of(event.eventId(), event.date(), event.labId(), Activity.CANCELLATION)
                .withTopics(topic(event.topic())).withLanguage(event.language()));
    }

    @ApplicationModuleListener
    void on(AppointmentMissed event) {
        facts.add(Fact.of(event.eventId(), event.date(), event.labId(), Activity.NO_SHOW)
                .withTopics(topic(event.topic())).withLanguage(event.language()));
    }

    @ApplicationModuleListener
    void on(ConsultationFeedbackGiven event) {
        facts.add(Fact.of(event.eventId(), event.date(), event.labId(), Activity.FEEDBACK)
                .withTopics(topic(event.topic())).withLanguage(event.language()).withScore(event.score()));
    }

    @ApplicationModuleListener
    void on(CourseRegistered event) {
        Activity activity = event.waitlisted() ? Activity.COURSE_WAITLIST : Activity.COURSE_REGISTRATION;
        facts.add(course(Fact.of(event.eventId(), event.date(), event.course().labId(), activity), event.course(),
                event.visitor()));
    }

    @ApplicationModuleListener
    void on(CourseAttendanceRecorded event) {
        facts.add(course(Fact.of(event.eventId(), event.date(), event.course().labId(), Activity.COURSE_ATTENDANCE),
                event.course(), event.visitor()).withCases(event.present() ? 1 : -1));
    }

    @ApplicationModuleListener
    void on(CourseCompleted event) {
        facts.add(course(Fact.of(event.eventId(), event.date(), event.course().labId(), Activity.COURSE_COMPLETION),
                event.course(), event.visitor()));
    }

    @ApplicationModuleListener
    void on(CourseFeedbackGiven event) {
        facts.add(course(Fact.of(event.eventId(), event.date(), event.course().labId(), Activity.FEEDBACK),
                event.course(), VisitorFacts.notStated()).withScore(event.score()));
    }

    private static Fact course(Fact fact, CourseFacts course, VisitorFacts visitor) {
        VisitorFacts who = visitor == null ? VisitorFacts.notStated() : visitor;
        return fact.withCourse(course.targetGroups(), course.competences(), course.technical())
                .withLanguage(course.language())
                .withVisitor(who.ageBand(), who.gender(), who.stadtteil());
    }

    private static List<String> topic(String topic) {
        return topic == null ? List.of() : List.of(topic);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
