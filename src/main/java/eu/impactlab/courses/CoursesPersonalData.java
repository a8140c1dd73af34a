package eu.impactlab.courses;

import static eu.impactlab.platform.PersonalData.Kind.CONTACT;
import static eu.impactlab.platform.PersonalData.Kind.NAME;
import static eu.impactlab.platform.PersonalData.Kind.PROFILE;
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
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The courses module's personal data: what it keeps, why and how long, and one person's registrations. */
@Component
class CoursesPersonalData implements PersonalData.Declaration, PersonalData.Holder {

    static final String KIND = "course-registration";

    private final JdbcClient jdbc;
    private final CourseStore store;
    private final CoursesProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    CoursesPersonalData(JdbcClient jdbc, CourseStore store, CoursesProperties properties, TransactionTemplate transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public List<Use> uses() {
        return List.of(
                new Use("courses.registration", Set.of("course-registration"), LegalBasis.CONSENT, Set.of("mail"),
                        Deletion.AFTER_RETENTION, CourseRetentionJob.LOCK, properties.retentionDays(), List.of(
                                new Column("course_registration", "name", NAME),
                                new Column("course_registration", "email", CONTACT),
                                new Column("course_registration", "phone", CONTACT))),
                new Use("courses.statistics", Set.of("course-registration"), LegalBasis.CONSENT, Set.of(),
                        Deletion.WITH_RECORD, null, 0, List.of(
                                new Column("course_registration", "age_band", PROFILE),
                                new Column("course_registration", "gender", PROFILE),
                                new Column("course_registration", "stadtteil", PROFILE))),
                new Use("courses.link", Set.of("course-registration"), LegalBasis.PUBLIC_TASK, Set.of(),
                        Deletion.WITH_RECORD, null, 0, List.of(
                                new Column("course_registration", "manage_token_hash", TOKEN),
                                new Column("course_registration", "promotion_token_hash", TOKEN))),
                new Use("courses.staff", Set.of(), LegalBasis.LEGAL_OBLIGATION, Set.of(),
                        Deletion.WITH_RECORD, null, 0, List.of(
                                new Column("course_attendance", "recorded_by", STAFF_ID),
                                new Column("course_attendance", "recorded_by_id", STAFF_ID),
                                new Column("course_log", "actor", STAFF_ID),
                                new Column("course_log", "actor_id", STAFF_ID))));
    }

    @Override
    public List<NotPersonal> notPersonal() {
        return List.of(
                new NotPersonal("course_registration", "idempotency_key", "a random key of the form or API client, 24 hours"),
                new NotPersonal("course_registration", "idempotency_request_hash", "a hash of the request, for the key"),
                new NotPersonal("course", "room", "the room of a course, public"),
                new NotPersonal("course", "online_url", "the course's public online room"),
                new NotPersonal("course_text", "title", "a course's public title"),
                new NotPersonal("course_text", "room", "the room of a course in one language, public"),
                new NotPersonal("course_text", "summary", "a course's public description"),
                new NotPersonal("course_text", "accessibility_notes", "a course's public accessibility notes"));
    }

    private static final String SELECT = """
            select r.id, c.lab_id, r.name, r.email, r.phone, r.age_band, r.gender, r.stadtteil,
                coalesce((select t.title from course_text t where t.course_id = c.id and t.title is not null
                    order by t.language = 'de' desc limit 1), '') as title
            from course_registration r join course c on c.id = r.course_id""";

    @Override
    public List<Found> find(Query query) {
        return jdbc.sql(SELECT + """
                 where r.personal_data_deleted_at is null
                and ((cast(:email as text) is not null and lower(r.email) = lower(:email))
                  or (cast(:digits as text) is not null and regexp_replace(r.phone, '\\D', '', 'g') = :digits))
                and (cast(:all as boolean) or c.lab_id in (:labs))
                order by r.created_at""")
                .param("email", query.email()).param("digits", PersonalData.phoneDigits(query.phone()))
                .param("all", query.labIds() == null)
                .param("labs", PersonalData.labList(query))
                .query(this::found).list();
    }

    @Override
    public List<Found> byLink(String token) {
        String hash = SecretTokens.hash(token);
        return jdbc.sql(SELECT + " where r.manage_token_hash = :hash or r.promotion_token_hash = :hash").param("hash", hash)
                .query(this::found).list();
    }

    @Override
    public boolean erase(String kind, String ref, String actor) {
        if (!KIND.equals(kind)) {
            return false;
        }
        long id = Long.parseLong(ref);
        return Boolean.TRUE.equals(transactions.execute(status -> {
            var row = jdbc.sql("select course_id, personal_data_deleted_at is null from course_registration where id = ?")
                    .param(id).query((rs, i) -> rs.getBoolean(2) ? rs.getLong(1) : null).optional();
            if (row.isEmpty() || row.get() == null) {
                return false;
            }
            store.deletePersonalData(id, clock.instant());
            store.log(row.get(), id, "PERSONAL_DATA_DELETED", actor);
            return true;
        }));
    }

    private Found found(ResultSet rs, int i) throws SQLException {
        var fields = new LinkedHashMap<String, String>();
        for (String column : List.of("name", "email", "phone", "age_band", "gender", "stadtteil")) {
            String value = rs.getString(column);
            if (value != null && !"NOT_STATED".equals(value)) {
                fields.put(column, value);
            }
        }
        return new Found(KIND, "course-registration", Long.toString(rs.getLong("id")), rs.getLong("lab_id"), rs.getString("title"), fields,
                List.of("privacy.kept.courseRegistration"));
    }
}
