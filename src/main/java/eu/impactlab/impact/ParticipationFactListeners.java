package eu.impactlab.impact;

import eu.impactlab.participation.IdeaAnswered;
import eu.impactlab.participation.IdeaProposed;
import eu.impactlab.participation.IdeaSupported;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns the participation module's events into anonymous participation facts; like FactListeners, each runs after the
 * publisher committed and a retried event counts once (its unique id).
 */
@Component
class ParticipationFactListeners {

    private final JdbcClient jdbc;

    ParticipationFactListeners(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(IdeaProposed event) {
        insert(event.eventId(), event.date(), event.labId(), "IDEA", event.kind(), null, null, null, null);
    }

    @ApplicationModuleListener
    void on(IdeaSupported event) {
        insert(event.eventId(), event.date(), event.labId(), "SUPPORT", event.kind(), event.inPerson(), null, null, null);
    }

    @ApplicationModuleListener
    void on(IdeaAnswered event) {
        insert(event.eventId(), event.date(), event.labId(), "ANSWER", event.kind(), null, event.answer(), event.realised(),
                event.daysToFirstAnswer());
    }

    private void insert(UUID eventId, LocalDate day, long labId, String activity, String kind, Boolean inPerson,
            String answer, Boolean realised, Integer days) {
        jdbc.sql("""
                insert into impact_participation_fact (event_id, day, lab_id, activity, kind, in_person, answer, realised, days_to_answer)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (event_id) do nothing""")
                .params(eventId, day, labId, activity, kind, inPerson, answer, realised, days).update();
    }
}
