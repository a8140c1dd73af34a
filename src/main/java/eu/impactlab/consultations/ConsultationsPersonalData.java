package eu.impactlab.consultations;

import static eu.impactlab.platform.PersonalData.Kind.CONTACT;
import static eu.impactlab.platform.PersonalData.Kind.NAME;
import static eu.impactlab.platform.PersonalData.Kind.ONLINE_ID;
import static eu.impactlab.platform.PersonalData.Kind.STAFF_ID;
import static eu.impactlab.platform.PersonalData.Kind.TOKEN;

import eu.impactlab.platform.PersonalData;
import eu.impactlab.platform.PersonalData.Column;
import eu.impactlab.platform.PersonalData.Deletion;
import eu.impactlab.platform.PersonalData.Found;
import eu.impactlab.platform.PersonalData.LegalBasis;
import eu.impactlab.platform.PersonalData.NotPersonal;
import eu.impactlab.platform.PersonalData.Query;
import eu.impactlab.platform.PersonalData.Use;
import eu.impactlab.platform.SecretTokens;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The consultations module's personal data: what it keeps, why and how long, and one person's appointments. */
@Component
class ConsultationsPersonalData implements PersonalData.Declaration, PersonalData.Holder {

    static final String KIND = "appointment";
    private static final String ANONYMOUS = "an anonymous outcome, stored apart from the appointment, linked to no person";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm");

    private final JdbcClient jdbc;
    private final ConsultationStore store;
    private final ConsultationsProperties properties;
    private final TransactionTemplate transactions;

    ConsultationsPersonalData(JdbcClient jdbc, ConsultationStore store, ConsultationsProperties properties,
            TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.store = store;
        this.properties = properties;
        this.transactions = transactions;
    }

    @Override
    public List<Use> uses() {
        return List.of(
                new Use("consultations.appointment", Set.of("booking"), LegalBasis.CONSENT, Set.of("mail", "video"),
                        Deletion.AFTER_RETENTION, RetentionJob.LOCK, properties.retentionDays(), List.of(
                                new Column("appointment", "name", NAME),
                                new Column("appointment", "email", CONTACT),
                                new Column("appointment", "phone", CONTACT))),
                new Use("consultations.link", Set.of("booking"), LegalBasis.PUBLIC_TASK, Set.of("video"),
                        Deletion.WITH_RECORD, null, 0, List.of(
                                new Column("appointment", "manage_token_hash", TOKEN),
                                new Column("appointment", "meeting_url", ONLINE_ID))),
                new Use("consultations.staff", Set.of(), LegalBasis.LEGAL_OBLIGATION, Set.of(),
                        Deletion.WITH_RECORD, null, 0, List.of(
                                new Column("appointment_log", "actor", STAFF_ID),
                                new Column("appointment_log", "actor_id", STAFF_ID),
                                new Column("walk_in_ticket_log", "actor", STAFF_ID),
                                new Column("walk_in_ticket_log", "actor_id", STAFF_ID))));
    }

    @Override
    public List<NotPersonal> notPersonal() {
        return List.of(
                new NotPersonal("appointment", "idempotency_key", "a random key of the form or API client, 24 hours"),
                new NotPersonal("appointment", "idempotency_request_hash", "a hash of the request, for the key"),
                new NotPersonal("walk_in_ticket", "request_key", "a random key against double submission"),
                new NotPersonal("walk_in_ticket", "call_key", "a random key against double calls"),
                new NotPersonal("walk_in_ticket", "called_desk", "the desk's name, not a person's"),
                new NotPersonal("topic_title", "title", "a topic's public title"),
                new NotPersonal("consultation_outcome", "request_key", "a random key against double submission"),
                new NotPersonal("consultation_outcome", "age_band", ANONYMOUS),
                new NotPersonal("consultation_outcome", "gender", ANONYMOUS),
                new NotPersonal("consultation_outcome", "stadtteil", ANONYMOUS));
    }

    private static final String SELECT = """
            select id, code, lab_id, starts_at, name, email, phone from appointment""";

    @Override
    public List<Found> find(Query query) {
        return jdbc.sql(SELECT + """
                 where personal_data_deleted_at is null
                and ((cast(:email as text) is not null and lower(email) = lower(:email))
                  or (cast(:digits as text) is not null and regexp_replace(phone, '\\D', '', 'g') = :digits))
                and (cast(:all as boolean) or lab_id in (:labs))
                order by starts_at""")
                .param("email", query.email()).param("digits", PersonalData.phoneDigits(query.phone()))
                .param("all", query.labIds() == null)
                .param("labs", PersonalData.labList(query))
                .query(this::found).list();
    }

    @Override
    public List<Found> byLink(String token) {
        return jdbc.sql(SELECT + " where manage_token_hash = :hash").param("hash", SecretTokens.hash(token))
                .query(this::found).list();
    }

    @Override
    public boolean erase(String kind, String ref, String actor) {
        if (!KIND.equals(kind)) {
            return false;
        }
        long id = Long.parseLong(ref);
        return Boolean.TRUE.equals(transactions.execute(status -> {
            boolean had = jdbc.sql("select personal_data_deleted_at is null from appointment where id = ?").param(id)
                    .query(Boolean.class).optional().orElse(false);
            if (had) {
                store.deletePersonalData(id);
                store.log(id, "PERSONAL_DATA_DELETED", actor);
            }
            return had;
        }));
    }

    private Found found(ResultSet rs, int i) throws SQLException {
        var fields = new LinkedHashMap<String, String>();
        for (String column : List.of("name", "email", "phone")) {
            if (rs.getString(column) != null) {
                fields.put(column, rs.getString(column));
            }
        }
        String when = rs.getTimestamp("starts_at").toInstant().atZone(SlotFinder.BREMEN).format(WHEN);
        return new Found(KIND, "booking", Long.toString(rs.getLong("id")), rs.getLong("lab_id"), when + " · " + rs.getString("code"),
                fields, List.of("privacy.kept.appointment"));
    }
}
