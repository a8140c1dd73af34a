package eu.impactlab.impact;

import eu.impactlab.partners.PartnerReachReported;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns a reported partner offer into one anonymous reach row; like FactListeners, it runs after the partners module
 * committed and a retried event counts once (its unique id).
 */
@Component
class PartnerReachListeners {

    private final JdbcClient jdbc;

    PartnerReachListeners(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(PartnerReachReported event) {
        Map<String, Integer> ages = event.byAgeBand();
        jdbc.sql("""
                insert into impact_partner_reach (event_id, day, lab_id, kind, stadtteil, participants, first_time, under_12,
                    age_12_17, age_18_26, age_27_64, age_65_plus, languages, duration_minutes, devices_lent)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (event_id) do nothing""")
                .params(event.eventId(), event.date(), event.labId(), event.kind(),
                        event.stadtteil() == null || event.stadtteil().isBlank() ? "NOT_STATED" : event.stadtteil(),
                        event.participants(), event.firstTime(), ages.getOrDefault("UNDER_12", 0),
                        ages.getOrDefault("AGE_12_17", 0), ages.getOrDefault("AGE_18_26", 0),
                        ages.getOrDefault("AGE_27_64", 0), ages.getOrDefault("AGE_65_PLUS", 0),
                        String.join(",", event.languages()), event.durationMinutes(), event.devicesLent())
                .update();
    }
}
