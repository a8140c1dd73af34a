package eu.impactlab.participation;

import static eu.impactlab.platform.PersonalData.Kind.CONTACT;
import static eu.impactlab.platform.PersonalData.Kind.FREE_TEXT;
import static eu.impactlab.platform.PersonalData.Kind.NAME;
import static eu.impactlab.platform.PersonalData.Kind.ONLINE_ID;
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
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The participation module's personal data: what it keeps, why and how long, and one person's ideas and follows. */
@Component
class ParticipationPersonalData implements PersonalData.Declaration, PersonalData.Holder {

    static final String IDEA = "idea";
    static final String FOLLOWER = "idea-follower";
    static final String FORM = "idea";

    private final JdbcClient jdbc;
    private final IdeaStore store;
    private final ParticipationProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ParticipationPersonalData(JdbcClient jdbc, IdeaStore store, ParticipationProperties properties,
            TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public List<Use> uses() {
        return List.of(
                new Use("participation.proposer", Set.of(FORM), LegalBasis.CONSENT, Set.of("mail"),
                        Deletion.AFTER_RETENTION, IdeaRetentionJob.LOCK, properties.retentionDays(), List.of(
                                new Column("idea", "nickname", NAME),
                                new Column("idea", "email", CONTACT))),
                new Use("participation.follower", Set.of(FORM), LegalBasis.CONSENT, Set.of("mail"),
                        Deletion.AFTER_RETENTION, IdeaRetentionJob.LOCK, properties.retentionDays(), List.of(
                                new Column("idea_follower", "email", CONTACT),
                                new Column("idea_follower", "token_hash", TOKEN))),
                new Use("participation.confirmation", Set.of(FORM), LegalBasis.CONSENT, Set.of("mail"),
                        Deletion.AFTER_RETENTION, IdeaRetentionJob.LOCK, IdeaRetentionJob.UNCONFIRMED.toDays(), List.of(
                                new Column("idea_confirmed_support", "token_hash", TOKEN))),
                new Use("participation.idea", Set.of(FORM), LegalBasis.CONSENT, Set.of(),
                        Deletion.WITH_RECORD, null, properties.retentionDays(), List.of(
                                new Column("idea", "title", FREE_TEXT),
                                new Column("idea", "text", FREE_TEXT),
                                new Column("idea", "moderator_message", FREE_TEXT),
                                new Column("idea_translation", "title", FREE_TEXT),
                                new Column("idea_translation", "text", FREE_TEXT))),
                new Use("participation.support", Set.of(FORM), LegalBasis.CONSENT, Set.of(),
                        Deletion.WITH_RECORD, null, 0, List.of(
                                new Column("idea_support", "browser_hash", ONLINE_ID),
                                new Column("idea_support", "stadtteil", PROFILE),
                                new Column("idea_confirmed_support", "email_hash", ONLINE_ID))),
                new Use("participation.link", Set.of(FORM), LegalBasis.PUBLIC_TASK, Set.of(),
                        Deletion.WITH_RECORD, null, 0, List.of(
                                new Column("idea", "manage_token_hash", TOKEN))),
                new Use("participation.staff", Set.of(), LegalBasis.LEGAL_OBLIGATION, Set.of(),
                        Deletion.WITH_RECORD, null, 0, List.of(
                                new Column("idea_log", "actor", STAFF_ID),
                                new Column("idea_log", "actor_id", STAFF_ID))));
    }

    @Override
    public List<NotPersonal> notPersonal() {
        return List.of(
                new NotPersonal("idea", "answer_state", "the lab's public answer: a state, not a person"),
                new NotPersonal("idea", "answer_text", "the lab's public answer, written by staff for everyone"),
                new NotPersonal("idea", "idempotency_key", "a random key of the API client, 24 hours"),
                new NotPersonal("idea", "idempotency_request_hash", "a hash of the request, for the key"));
    }

    private static final String IDEAS = """
            select id, lab_id, nickname, email, title, text, moderator_message from idea""";
    private static final String FOLLOWS = """
            select f.id, i.lab_id, i.title, f.email from idea_follower f join idea i on i.id = f.idea_id""";

    @Override
    public List<Found> find(Query query) {
        if (query.email() == null) {
            return List.of();
        }
        boolean all = query.labIds() == null;
        var ideas = jdbc.sql(IDEAS + """
                 where personal_data_deleted_at is null and lower(email) = lower(:email)
                and (cast(:all as boolean) or lab_id in (:labs)) order by created_at""")
                .param("email", query.email()).param("all", all).param("labs", PersonalData.labList(query))
                .query(this::idea).list();
        var follows = jdbc.sql(FOLLOWS + """
                 where lower(f.email) = lower(:email)
                and (cast(:all as boolean) or i.lab_id in (:labs)) order by f.created_at""")
                .param("email", query.email()).param("all", all).param("labs", PersonalData.labList(query))
                .query(this::follow).list();
        return concat(ideas, follows);
    }

    @Override
    public List<Found> byLink(String token) {
        String hash = SecretTokens.hash(token);
        return concat(jdbc.sql(IDEAS + " where manage_token_hash = ?").param(hash).query(this::idea).list(),
                jdbc.sql(FOLLOWS + " where f.token_hash = ?").param(hash).query(this::follow).list());
    }

    @Override
    public boolean erase(String kind, String ref, String actor) {
        long id = Long.parseLong(ref);
        if (FOLLOWER.equals(kind)) {
            return jdbc.sql("delete from idea_follower where id = ?").param(id).update() > 0;
        }
        if (!IDEA.equals(kind)) {
            return false;
        }
        return Boolean.TRUE.equals(transactions.execute(status -> {
            boolean had = jdbc.sql("select personal_data_deleted_at is null from idea where id = ?").param(id)
                    .query(Boolean.class).optional().orElse(false);
            if (had) {
                store.deletePersonalData(id, clock.instant());
                store.log(id, "PERSONAL_DATA_DELETED", actor);
            }
            return had;
        }));
    }

    private static List<Found> concat(List<Found> a, List<Found> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    private Found idea(ResultSet rs, int i) throws SQLException {
        var fields = new LinkedHashMap<String, String>();
        // the nickname is shown and counted as the person's name
        put(fields, "name", rs.getString("nickname"));
        put(fields, "email", rs.getString("email"));
        put(fields, "title", rs.getString("title"));
        put(fields, "text", rs.getString("text"));
        put(fields, "moderator_message", rs.getString("moderator_message"));
        return new Found(IDEA, FORM, Long.toString(rs.getLong("id")), rs.getLong("lab_id"), rs.getString("title"), fields,
                List.of("privacy.kept.idea"));
    }

    private Found follow(ResultSet rs, int i) throws SQLException {
        var fields = new LinkedHashMap<String, String>();
        put(fields, "email", rs.getString("email"));
        return new Found(FOLLOWER, FORM, Long.toString(rs.getLong("id")), rs.getLong("lab_id"), rs.getString("title"), fields,
                List.of("privacy.kept.ideaFollower"));
    }

    private static void put(Map<String, String> fields, String key, String value) {
        if (value != null) {
            fields.put(key, value);
        }
    }
}
