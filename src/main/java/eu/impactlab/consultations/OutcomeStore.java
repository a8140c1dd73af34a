package eu.impactlab.consultations;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for anonymous outcomes: one row per help given, with its topics; nothing that leads back to a person. */
@Repository
class OutcomeStore {

    private final JdbcClient jdbc;

    OutcomeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(ConsultationCompleted facts, String requestKey) {
        long id = jdbc.sql("""
                insert into consultation_outcome (kind, day, lab_id, language, mode, result, referral, minutes, age_band,
                    gender, stadtteil, first_visit, waiting_minutes, request_key)
                values (:kind, :day, :lab, :language, :mode, :result, :referral, :minutes, :ageBand, :gender, :stadtteil,
                    :firstVisit, :waiting, :key)
                returning id""")
                .param("kind", facts.kind().name()).param("day", facts.date()).param("lab", facts.labId())
                .param("language", facts.language()).param("mode", facts.mode().name())
                .param("result", facts.result().name()).param("referral", facts.referral().name())
                .param("minutes", facts.minutes()).param("ageBand", facts.ageBand().name())
                .param("gender", facts.gender().name()).param("stadtteil", facts.stadtteil())
                .param("firstVisit", facts.firstVisit().name()).param("waiting", facts.waitingMinutes())
                .param("key", requestKey)
                .query(Long.class).single();
        for (String topic : facts.topics()) {
            jdbc.sql("insert into consultation_outcome_topic (outcome_id, topic_key) values (:id, :topic)")
                    .param("id", id).param("topic", topic).update();
        }
        return id;
    }

    boolean existsWithKey(String requestKey) {
        return jdbc.sql("select exists (select 1 from consultation_outcome where request_key = :key)")
                .param("key", requestKey).query(Boolean.class).single();
    }
}
