package eu.impactlab.courses;

import static org.assertj.core.api.Assertions.assertThat;

import eu.impactlab.AbstractIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** The seat rules one call at a time: events, mails, raising the capacity, cancelling a course, and the course log. */
@RecordApplicationEvents
class SeatsTest extends AbstractIntegrationTest {

    @Autowired
    Seats seats;
    @Autowired
    CourseStore store;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEvents events;

    @Test
    void registeringPublishesAnAnonymousEventWithTheCourseAndTheGivenFacts() {
        long course = new CourseFixtures(jdbc).course("Ereignis", 1, 9);
        seats.register(new RegistrationRequest(course, "Anna", "anna@example.org", null, true, "FROM_30_TO_44", "FEMALE",
                "Walle", "de", null, "citizen"));
        seats.register(SeatsConcurrencyTest.request(course, "Ben"));

        List<CourseRegistered> published = events.stream(CourseRegistered.class).filter(e -> e.course().courseId() == course).toList();
        assertThat(published).hasSize(2);
        assertThat(published.get(0).visitor()).isEqualTo(new VisitorFacts("FROM_30_TO_44", "FEMALE", "Walle"));
        assertThat(published.get(0).waitlisted()).isFalse();
        assertThat(published.get(0).course().targetGroups()).containsExactly("SENIORS");
        assertThat(published.get(0).course().competences()).containsExactly("2.1");
        assertThat(published.get(1).visitor()).isEqualTo(VisitorFacts.notStated());
        assertThat(published.get(1).waitlisted()).isTrue();
        assertThat(published.get(0).toString()).doesNotContain("Anna", "anna@");
    }

    @Test
    void raisingTheCapacityFillsTheNewSeatsFromTheWaitlistInOrder() {
        long course = new CourseFixtures(jdbc).course("Mehr Plätze", 2, 9);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(((RegistrationOutcome.Registered) seats.register(SeatsConcurrencyTest.request(course, "P" + i)))
                    .registration().id());
        }
        jdbc.sql("update course set capacity = 5 where id = ?").param(course).update();

        assertThat(seats.promoteWaitlist(course, "coordinator")).containsExactly(ids.get(2), ids.get(3), ids.get(4));
        assertThat(seats.promoteWaitlist(course, "coordinator")).as("nothing more to fill").isEmpty();
        assertThat(store.registration(ids.get(5)).orElseThrow().waitlistPosition()).isEqualTo(1);
        assertThat(new CourseFixtures(jdbc).counter(course)).isEqualTo(5);
        assertThat(jdbc.sql("select count(*) from course_log where course_id = ? and action = 'PROMOTED' and coalesce((select username from account where id = actor_id), actor) = 'coordinator'")
                .param(course).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void cancellingACourseCancelsEveryoneAndMailsEachOnceEvenWhenAskedTwice() {
        long course = new CourseFixtures(jdbc).course("Fällt aus", 2, 9);
        for (int i = 0; i < 4; i++) {
            seats.register(new RegistrationRequest(course, "P" + i, "p" + i + "-" + course + "@example.org", null, true, null,
                    null, null, i % 2 == 0 ? "de" : "ar", null, "citizen"));
        }
        assertThat(seats.cancelCourse(course, "coordinator")).isEqualTo(4);
        assertThat(seats.cancelCourse(course, "coordinator")).isZero();

        assertThat(store.active(course)).isEmpty();
        assertThat(new CourseFixtures(jdbc).counter(course)).isZero();
        for (int i = 0; i < 4; i++) {
            List<String> subjects = jdbc.sql("select subject from mail_outbox where recipient = ? order by id")
                    .param("p" + i + "-" + course + "@example.org").query(String.class).list();
            assertThat(subjects).as("mails to P" + i).hasSize(2);
            assertThat(subjects.get(1)).isEqualTo(i % 2 == 0 ? "Der Kurs fällt aus: Fällt aus"
                    : "أُلغيت الدورة: Fällt aus");
        }
        assertThat(((RegistrationOutcome.Refused) seats.register(SeatsConcurrencyTest.request(course, "Später"))).reason())
                .isEqualTo(RegistrationOutcome.Refusal.CANCELLED);
    }

    @Test
    void theCourseLogSaysWhoDidWhatWithoutPersonalData() {
        long course = new CourseFixtures(jdbc).course("Protokoll", 1, 9);
        long first = ((RegistrationOutcome.Registered) seats.register(new RegistrationRequest(course, "Geheimname",
                "geheim@example.org", "0421 999999", true, null, null, null, "de", null, "citizen"))).registration().id();
        seats.register(SeatsConcurrencyTest.request(course, "Zweite"));
        seats.cancel(first, "citizen");

        List<String> log = jdbc.sql("select action || ':' || coalesce((select username from account where id = actor_id), actor) from course_log where course_id = ? order by id")
                .param(course).query(String.class).list();
        assertThat(log).containsExactly("REGISTERED:citizen", "WAITLISTED:citizen", "CANCELLED:citizen", "PROMOTED:citizen");
        assertThat(String.join(",", log)).doesNotContain("Geheim", "geheim", "0421");
    }
}
