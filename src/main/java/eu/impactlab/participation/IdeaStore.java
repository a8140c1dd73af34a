package eu.impactlab.participation;

import java.time.Instant;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import eu.impactlab.platform.StaffAction;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The ideas in PostgreSQL; counts always come from the database, never from a cached number. */
@Repository
class IdeaStore {

    private static final String SELECT = """
            select i.*,
              (select count(*) from idea_support s where s.idea_id = i.id) as supports,
              (select count(*) from idea_support s where s.idea_id = i.id and s.in_person) as in_person_supports,
              (select count(*) from idea_confirmed_support c where c.idea_id = i.id and c.confirmed_at is not null) as confirmed_supports
            from idea i
            """;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    IdeaStore(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
    }

    long insert(long labId, IdeaKind kind, String title, String text, String language, String uiLanguage,
            String nickname, String email, String tokenHash, String licence, Instant now) {
        return jdbc.sql("""
                insert into idea (lab_id, kind, title, text, language, ui_language, nickname, email, manage_token_hash,
                                  licence, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(labId, kind.name(), title, text, language, uiLanguage, nickname, email, tokenHash, licence,
                        Timestamp.from(now))
                .query(Long.class).single();
    }

    /** The idea an Idempotency-Key made, with the fingerprint of the request that came with the key. */
    record KeyUse(long id, String requestHash, Instant createdAt) {
    }

    Optional<KeyUse> byIdempotencyKey(String key) {
        return jdbc.sql("select id, idempotency_request_hash, created_at from idea where idempotency_key = ?").param(key)
                .query((rs, n) -> new KeyUse(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant())).optional();
    }

    void rememberIdempotencyKey(long id, String key, String requestHash) {
        jdbc.sql("update idea set idempotency_key = ?, idempotency_request_hash = ? where id = ?")
                .params(key, requestHash, id).update();
    }

    Optional<Idea> find(long id) {
        return jdbc.sql(SELECT + " where i.id = ?").param(id).query(Idea.class).optional();
    }

    Optional<Idea> byTokenHash(String hash) {
        return jdbc.sql(SELECT + " where i.manage_token_hash = ?").param(hash).query(Idea.class).optional();
    }

    /** Published ideas, optionally of one lab and with one answer; sorted newest first or by supports. */
    List<Idea> published(Long labId, AnswerState answer, boolean bySupports, int offset, int limit) {
        return jdbc.sql(SELECT + """
                 where i.state = 'PUBLISHED'
                   and (cast(:lab as bigint) is null or i.lab_id = :lab)
                   and (cast(:answer as varchar) is null or i.answer_state = :answer)
                 order by """ + (bySupports ? " supports desc, i.published_at desc, i.id desc" : " i.published_at desc, i.id desc")
                + " offset :offset limit :limit")
                .param("lab", labId).param("answer", answer == null ? null : answer.name())
                .param("offset", offset).param("limit", limit)
                .query(Idea.class).list();
    }

    long countPublished(Long labId, AnswerState answer) {
        return jdbc.sql("""
                select count(*) from idea i where i.state = 'PUBLISHED'
                   and (cast(:lab as bigint) is null or i.lab_id = :lab)
                   and (cast(:answer as varchar) is null or i.answer_state = :answer)""")
                .param("lab", labId).param("answer", answer == null ? null : answer.name())
                .query(Long.class).single();
    }

    /** For coordinators: reported ideas first, then the most supported (where support gathers), then the oldest. */
    List<Idea> inStates(List<String> states, Long labId) {
        return jdbc.sql(SELECT + """
                 where i.state in (:states) and (cast(:lab as bigint) is null or i.lab_id = :lab)
                 order by i.reports desc, supports desc, i.created_at, i.id limit 500""")
                .param("states", states).param("lab", labId).query(Idea.class).list();
    }

    /** How many ideas each lab has in each state. */
    record StateCount(long labId, String state, long count) {
    }

    List<StateCount> countByLabAndState() {
        return jdbc.sql("select lab_id, state, count(*) from idea group by lab_id, state")
                .query((rs, i) -> new StateCount(rs.getLong(1), rs.getString(2), rs.getLong(3))).list();
    }

    /** Changes the state only from one of the expected states, so two coordinators cannot both decide. */
    boolean changeState(long id, List<String> from, IdeaState to, String message, Instant now) {
        return jdbc.sql("""
                update idea set state = :to, moderator_message = :message, last_decision_at = :now,
                    published_at = case when :to = 'PUBLISHED' then coalesce(published_at, :now) else published_at end
                where id = :id and state in (:from)""")
                .param("to", to.name()).param("message", message).param("now", Timestamp.from(now))
                .param("id", id).param("from", from).update() == 1;
    }

    void allowLinks(long id, boolean allowed) {
        jdbc.sql("update idea set links_allowed = ? where id = ?").params(allowed, id).update();
    }

    boolean answer(long id, AnswerState answer, String text, Long courseId, Instant now) {
        return jdbc.sql("""
                update idea set answer_state = ?, answer_text = ?, linked_course_id = ?, last_decision_at = ?,
                    first_answered_at = coalesce(first_answered_at, ?)
                where id = ? and state = 'PUBLISHED'""")
                .params(answer.name(), text, courseId, Timestamp.from(now), Timestamp.from(now), id).update() == 1;
    }

    boolean markMerged(long id, long into, Instant now) {
        return jdbc.sql("""
                update idea set state = 'MERGED', merged_into = ?, last_decision_at = ?
                where id = ? and state in ('PENDING', 'QUESTION', 'PUBLISHED')""")
                .params(into, Timestamp.from(now), id).update() == 1;
    }

    /** The merged idea's supports count for the idea it went into, each browser still only once. */
    void moveSupports(long from, long into) {
        jdbc.sql("""
                insert into idea_support (idea_id, browser_hash, in_person, created_at, stadtteil)
                select ?, browser_hash, in_person, created_at, stadtteil from idea_support where idea_id = ? and not in_person
                on conflict (idea_id, browser_hash) do nothing""").params(into, from).update();
        jdbc.sql("""
                insert into idea_support (idea_id, browser_hash, in_person, created_at)
                select ?, null, true, created_at from idea_support where idea_id = ? and in_person""").params(into, from).update();
        jdbc.sql("""
                insert into idea_confirmed_support (idea_id, email_hash, created_at, confirmed_at)
                select ?, email_hash, created_at, confirmed_at from idea_confirmed_support where idea_id = ? and confirmed_at is not null
                on conflict (idea_id, email_hash) do nothing""").params(into, from).update();
    }

    void updateText(long id, String title, String text) {
        jdbc.sql("update idea set title = ?, text = ?, state = 'PENDING' where id = ? and state = 'QUESTION'")
                .params(title, text, id).update();
    }

    void report(long id) {
        jdbc.sql("update idea set reports = reports + 1 where id = ? and state = 'PUBLISHED'").param(id).update();
    }

    void clearReports(long id) {
        jdbc.sql("update idea set reports = 0 where id = ?").param(id).update();
    }

    void deletePersonalData(long id, Instant now) {
        jdbc.sql("update idea set nickname = null, email = null, personal_data_deleted_at = ? where id = ?")
                .params(Timestamp.from(now), id).update();
    }

    void saveTranslation(long id, String language, String title, String text) {
        jdbc.sql("""
                insert into idea_translation (idea_id, language, title, text) values (?, ?, ?, ?)
                on conflict (idea_id, language) do update set title = excluded.title, text = excluded.text""")
                .params(id, language, title, text).update();
    }

    /** Translations of an idea by language tag. */
    Map<String, String[]> translations(long id) {
        Map<String, String[]> result = new java.util.LinkedHashMap<>();
        jdbc.sql("select language, title, text from idea_translation where idea_id = ? order by language").param(id)
                .query((rs, i) -> result.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)})).list();
        return result;
    }

    // --- supports ---

    /** @return true for a new support, false when this browser already supports the idea (the unique key decides) */
    boolean addSupport(long ideaId, String browserHash, Instant now) {
        return jdbc.sql("""
                insert into idea_support (idea_id, browser_hash, created_at) values (?, ?, ?)
                on conflict (idea_id, browser_hash) do nothing""")
                .params(ideaId, browserHash, Timestamp.from(now)).update() == 1;
    }

    /** Records where this browser's supporter lives; only on an existing support, and only once. */
    boolean setSupportStadtteil(long ideaId, String browserHash, String stadtteil) {
        return jdbc.sql("update idea_support set stadtteil = ? where idea_id = ? and browser_hash = ? and stadtteil is null")
                .params(stadtteil, ideaId, browserHash).update() == 1;
    }

    /** Whether this browser supports the idea and has not yet said (or declined to say) where it lives. */
    boolean stadtteilOpen(long ideaId, String browserHash) {
        return jdbc.sql("select count(*) from idea_support where idea_id = ? and browser_hash = ? and stadtteil is null")
                .params(ideaId, browserHash).query(Long.class).single() > 0;
    }

    /** Supports per Stadtteil ("NOT_STATED": not asked or not said), most first. */
    Map<String, Long> supportsByStadtteil(long ideaId) {
        Map<String, Long> result = new java.util.LinkedHashMap<>();
        jdbc.sql("select coalesce(stadtteil, 'NOT_STATED') as place, count(*) as n from idea_support where idea_id = ?"
                        + " group by place order by n desc, place")
                .param(ideaId).query((rs, n) -> result.put(rs.getString(1), rs.getLong(2))).list();
        return result;
    }

    boolean removeSupport(long ideaId, String browserHash) {
        return jdbc.sql("delete from idea_support where idea_id = ? and browser_hash = ?").params(ideaId, browserHash).update() == 1;
    }

    boolean supports(long ideaId, String browserHash) {
        return jdbc.sql("select exists (select 1 from idea_support where idea_id = ? and browser_hash = ?)")
                .params(ideaId, browserHash).query(Boolean.class).single();
    }

    /** Of the given ideas, those this browser supports. */
    List<Long> supportedAmong(List<Long> ideaIds, String browserHash) {
        if (ideaIds.isEmpty() || browserHash == null) {
            return List.of();
        }
        return jdbc.sql("select idea_id from idea_support where browser_hash = :browser and idea_id in (:ids)")
                .param("browser", browserHash).param("ids", ideaIds).query(Long.class).list();
    }

    void addInPersonSupports(long ideaId, int count, Instant now) {
        jdbc.sql("""
                insert into idea_support (idea_id, in_person, created_at)
                select ?, true, ? from generate_series(1, ?)""").params(ideaId, Timestamp.from(now), count).update();
    }

    /** A confirmation waits for its link; a second request for the same address and idea gets a new link. */
    void requestConfirmedSupport(long ideaId, String emailHash, String tokenHash, Instant now) {
        jdbc.sql("""
                insert into idea_confirmed_support (idea_id, email_hash, token_hash, created_at) values (?, ?, ?, ?)
                on conflict (idea_id, email_hash) do update set token_hash = excluded.token_hash
                where idea_confirmed_support.confirmed_at is null""")
                .params(ideaId, emailHash, tokenHash, Timestamp.from(now)).update();
    }

    /** @return the idea whose support the link confirms, when the link is valid */
    Optional<Long> confirmSupport(String tokenHash, Instant now) {
        return jdbc.sql("""
                update idea_confirmed_support set confirmed_at = ?, token_hash = null
                where token_hash = ? and confirmed_at is null returning idea_id""")
                .params(Timestamp.from(now), tokenHash).query(Long.class).optional();
    }

    // --- followers ---

    void follow(long ideaId, String email, String uiLanguage, String tokenHash, Instant now) {
        jdbc.sql("""
                insert into idea_follower (idea_id, email, ui_language, token_hash, created_at) values (?, ?, ?, ?, ?)
                on conflict (idea_id, email) do update set token_hash = excluded.token_hash, ui_language = excluded.ui_language""")
                .params(ideaId, email, uiLanguage, tokenHash, Timestamp.from(now)).update();
    }

    record Follower(long id, String email, String uiLanguage) {
    }

    List<Follower> confirmedFollowers(long ideaId) {
        return jdbc.sql("select id, email, ui_language from idea_follower where idea_id = ? and confirmed_at is not null and email is not null")
                .param(ideaId).query(Follower.class).list();
    }

    Optional<Long> confirmFollower(String tokenHash, Instant now) {
        return jdbc.sql("update idea_follower set confirmed_at = coalesce(confirmed_at, ?) where token_hash = ? returning idea_id")
                .params(Timestamp.from(now), tokenHash).query(Long.class).optional();
    }

    Optional<Long> unfollow(String tokenHash) {
        return jdbc.sql("delete from idea_follower where token_hash = ? returning idea_id").param(tokenHash)
                .query(Long.class).optional();
    }

    void log(long ideaId, String action, String actor) {
        jdbc.sql("insert into idea_log (idea_id, action, actor) values (?, ?, ?)").params(ideaId, action, actor).update();
        // Staff moderation also goes into the platform's audit trail, in the same transaction; citizens' steps do not.
        if (actor != null && !"citizen".equals(actor)) {
            String audited = "IDEA_" + action;
            events.publishEvent(new StaffAction(actor, audited.substring(0, Math.min(40, audited.length())), "idea",
                    String.valueOf(ideaId), null, null));
        }
    }

    record LogEntry(String action, String actor, java.time.OffsetDateTime at) {

        /** When, the Bremen way: 07.12.2026, 14:30. */
        public String when() {
            return java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm")
                    .format(at.atZoneSameInstant(java.time.ZoneId.of("Europe/Berlin")));
        }
    }

    List<LogEntry> history(long ideaId) {
        // Staff are account ids in the log: their current user name, none once the account is erased.
        return jdbc.sql("""
                select l.action, coalesce(a.username, l.actor) as actor, l.at from idea_log l
                left join account a on a.id = l.actor_id where l.idea_id = ? order by l.at, l.id""").param(ideaId)
                .query(LogEntry.class).list();
    }
}
