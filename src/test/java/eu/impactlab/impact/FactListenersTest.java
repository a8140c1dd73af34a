package eu.impactlab.impact;

import static org.assertj.core.api.Assertions.assertThat;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.consultations.AppointmentBooked;
import eu.impactlab.consultations.ConsultationCompleted;
import eu.impactlab.consultations.Mode;
import eu.impactlab.courses.CourseAttendanceRecorded;
import eu.impactlab.courses.CourseFacts;
import eu.impactlab.courses.CourseRegistered;
import eu.impactlab.courses.VisitorFacts;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.modulith.events.IncompleteEventPublications;

/** Events of other modules become anonymous facts, once each, and a failed listener's event is not lost. */
class FactListenersTest extends AbstractIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    Events events;

    @Autowired
    IncompleteEventPublications incomplete;

    @Autowired
    eu.impactlab.platform.StalledEventsRedelivery redelivery;

    @Autowired
    void events(ApplicationEventPublisher publisher, TransactionTemplate transactions) {
        events = new Events(publisher, transactions, jdbc);
    }

    static final LocalDate DAY = LocalDate.of(2003, 5, 6);

    static ConsultationCompleted walkIn(UUID id, long lab) {
        return new ConsultationCompleted(id, DAY, lab, ConsultationCompleted.Kind.WALK_IN, List.of("smartphone", "jobs"),
                "tr", Mode.IN_PERSON, ConsultationCompleted.Result.SOLVED, ConsultationCompleted.Referral.JOBCENTER, 30,
                ConsultationCompleted.AgeBand.FROM_30_TO_44, ConsultationCompleted.Gender.FEMALE, "Gröpelingen",
                ConsultationCompleted.FirstVisit.YES, 12);
    }

    @Test
    void aConsultationBecomesOneAnonymousFactWithItsTopics() {
        UUID id = UUID.randomUUID();
        events.publish(walkIn(id, 1));
        events.awaitFact(id);

        Map<String, Object> row = jdbc.sql("select * from impact_fact where event_id = ?").param(id).query().singleRow();
        assertThat(row).containsEntry("activity", "WALK_IN").containsEntry("language", "tr")
                .containsEntry("gender", "FEMALE").containsEntry("stadtteil", "Gröpelingen")
                .containsEntry("stadtbezirk", "West").containsEntry("result", "SOLVED")
                .containsEntry("referral", "JOBCENTER").containsEntry("first_visit", "YES");
        assertThat(jdbc.sql("select array_to_string(topics, ',') from impact_fact where event_id = ?").param(id)
                .query(String.class).single()).isEqualTo("smartphone,jobs");
        // nothing that could name a person is stored at all
        assertThat(row.keySet()).noneMatch(column -> column.contains("name") || column.contains("email")
                || column.contains("phone") || column.contains("person") || column.contains("note"));
    }

    @Test
    void theSameEventDeliveredTwiceCountsOnce() {
        UUID id = UUID.randomUUID();
        AppointmentBooked booked = new AppointmentBooked(id, DAY, 2, "jobs", "de", Mode.PHONE);
        events.publish(booked);
        events.publish(booked);
        UUID marker = UUID.randomUUID();
        events.publish(new AppointmentBooked(marker, DAY, 2, "jobs", "de", Mode.PHONE));
        events.awaitFact(marker);
        events.awaitFact(id);

        assertThat(jdbc.sql("select count(*) from impact_fact where event_id = ?").param(id).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void attendanceTakenBackCountsMinusOneAndAWaitlistIsNoRegistration() {
        CourseFacts course = new CourseFacts(77, 1, List.of("WOMEN_AND_GIRLS"), List.of("3.4"), "de", true);
        VisitorFacts visitor = new VisitorFacts("UNDER_18", "FEMALE", "Walle");
        UUID tick = UUID.randomUUID();
        UUID untick = UUID.randomUUID();
        UUID waitlisted = UUID.randomUUID();
        events.publish(new CourseAttendanceRecorded(tick, DAY, course, visitor, true));
        events.publish(new CourseAttendanceRecorded(untick, DAY, course, visitor, false));
        events.publish(new CourseRegistered(waitlisted, DAY, course, visitor, true));
        events.awaitFact(tick);
        events.awaitFact(untick);
        events.awaitFact(waitlisted);

        assertThat(jdbc.sql("select sum(cases) from impact_fact where event_id in (?, ?)").params(tick, untick)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select activity from impact_fact where event_id = ?").param(waitlisted)
                .query(String.class).single()).isEqualTo("COURSE_WAITLIST");
    }

    @Test
    void aFailedListenerIsRetriedFromTheRegistryAndThenCountsOnce() {
        UUID id = UUID.randomUUID();
        publishWhileTheFactTableIsAway(id, 3);
        assertThat(events.factCount(id)).isZero();

        // What a restart does with republish-outstanding-events-on-restart=true, done here directly.
        incomplete.resubmitIncompletePublicationsOlderThan(Duration.ZERO);
        events.awaitFact(id);
        incomplete.resubmitIncompletePublicationsOlderThan(Duration.ZERO);
        events.awaitCompleted(id);

        assertThat(events.factCount(id)).isEqualTo(1);
    }

    @Test
    void aStalledPublicationIsDeliveredAgainByTheScheduledJobWithoutARestart() {
        UUID id = UUID.randomUUID();
        publishWhileTheFactTableIsAway(id, 2);
        redelivery.redeliver();
        assertThat(events.factCount(id)).as("a publication younger than five minutes waits").isZero();

        jdbc.sql("update event_publication set publication_date = publication_date - interval '6 minutes' "
                + "where completion_date is null and serialized_event like ?").param("%" + id + "%").update();
        redelivery.redeliver();
        events.awaitFact(id);
        events.awaitCompleted(id);
        assertThat(events.factCount(id)).isEqualTo(1);
    }

    /** The fact table is briefly missing: the listener fails, the registry keeps this event's publication incomplete. */
    private void publishWhileTheFactTableIsAway(UUID id, int cases) {
        jdbc.sql("alter table impact_fact rename to impact_fact_away").update();
        try {
            events.publish(walkIn(id, cases));
            Events.await(() -> jdbc.sql("""
                    select count(*) from event_publication
                    where completion_date is null and status = 'FAILED' and serialized_event like ?""")
                    .param("%" + id + "%").query(Long.class).single() > 0, "a failed publication of " + id);
        } finally {
            jdbc.sql("alter table impact_fact_away rename to impact_fact").update();
        }
    }
}
