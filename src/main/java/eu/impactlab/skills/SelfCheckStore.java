package eu.impactlab.skills;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables skills_check and skills_answer. */
@Repository
class SelfCheckStore {

    /** A self-check as stored; {@code courseId}, {@code phase} and {@code pairKey} only for a course's check. */
    record Check(long id, Questions.Mode mode, String language, Long courseId, String phase, String pairKey,
            Instant startedAt, Instant completedAt, List<String> courseCompetences) {
        boolean completed() {
            return completedAt != null;
        }
    }

    private final JdbcClient jdbc;

    SelfCheckStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long create(String tokenHash, Questions.Mode mode, String language, Long courseId, String phase, String pairKey,
            Instant now, List<String> courseCompetences) {
        return jdbc.sql("""
                insert into skills_check (resume_token_hash, mode, framework, item_set, language, course_id, phase, pair_key, competences, started_at)
                values (:hash, :mode, :framework, :items, :language, :course, :phase, :pair, :competences, :now) returning id""")
                .param("hash", tokenHash).param("mode", mode.name()).param("framework", Framework.VERSION)
                .param("items", Questions.ITEM_SET).param("language", language).param("course", courseId)
                .param("phase", phase).param("pair", pairKey)
                .param("competences", courseCompetences.isEmpty() ? null : String.join(",", courseCompetences)).param("now", Timestamp.from(now))
                .query(Long.class).single();
    }

    private static final String COLUMNS = "id, mode, language, course_id, phase, pair_key, started_at, completed_at, competences";

    private static Check check(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp completed = rs.getTimestamp("completed_at");
        long course = rs.getLong("course_id");
        return new Check(rs.getLong("id"), Questions.Mode.valueOf(rs.getString("mode")), rs.getString("language"),
                rs.wasNull() ? null : course, rs.getString("phase"), rs.getString("pair_key"),
                rs.getTimestamp("started_at").toInstant(), completed == null ? null : completed.toInstant(),
                rs.getString("competences") == null ? List.of() : List.of(rs.getString("competences").split(",")));
    }

    Optional<Check> byTokenHash(String hash) {
        return jdbc.sql("select " + COLUMNS + " from skills_check where resume_token_hash = ?").param(hash)
                .query((rs, i) -> check(rs)).optional();
    }

    Optional<Check> byPair(String pairKey, String phase) {
        return jdbc.sql("select " + COLUMNS + " from skills_check where pair_key = ? and phase = ?").params(pairKey, phase)
                .query((rs, i) -> check(rs)).optional();
    }

    /** The answers so far, in the order they were given (by question id within the check's order, see callers). */
    Map<String, Integer> answers(long checkId) {
        Map<String, Integer> answers = new LinkedHashMap<>();
        jdbc.sql("select question_id, answer from skills_answer where check_id = ?").param(checkId)
                .query((rs, i) -> answers.put(rs.getString(1), rs.getInt(2))).list();
        return answers;
    }

    void answer(long checkId, Questions.Question question, int answer) {
        jdbc.sql("""
                insert into skills_answer (check_id, question_id, competence, answer) values (?, ?, ?, ?)
                on conflict (check_id, question_id) do update set answer = excluded.answer""")
                .params(checkId, question.id(), question.competence(), answer).update();
    }

    /** @return whether this call completed it (false when it already was) */
    boolean complete(long checkId, Instant now) {
        return jdbc.sql("update skills_check set completed_at = ? where id = ? and completed_at is null")
                .params(Timestamp.from(now), checkId).update() == 1;
    }

    /**
     * Clears the private link and the pair key of checks finished before {@code before}: the answers stay, anonymous.
     * @return how many checks lost their link
     */
    int clearLinksFinishedBefore(Instant before) {
        return jdbc.sql("""
                update skills_check set resume_token_hash = null, pair_key = null
                where completed_at < ? and (resume_token_hash is not null or pair_key is not null)""")
                .param(Timestamp.from(before)).update();
    }

    /** Clears one check's private link and pair key (the citizen's "delete now"); @return whether there was one */
    boolean clearLink(long checkId) {
        return jdbc.sql("update skills_check set resume_token_hash = null, pair_key = null where id = ? and resume_token_hash is not null")
                .param(checkId).update() == 1;
    }

    /** Empties staff's reasons for revocations made before {@code before}; the revocation itself stays. */
    int clearRevocationReasonsBefore(Instant before) {
        return jdbc.sql("update skills_credential set revocation_reason = null where revoked_at < ? and revocation_reason is not null")
                .param(Timestamp.from(before)).update();
    }

    /** Deletes unfinished checks started before {@code before}; their answers go with them. */
    int deleteUnfinishedBefore(Instant before) {
        return jdbc.sql("delete from skills_check where completed_at is null and started_at < ?")
                .param(Timestamp.from(before)).update();
    }
}
