package eu.impactlab.skills;

import static eu.impactlab.platform.PersonalData.Kind.FREE_TEXT;
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
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The skills module's personal data: a self-check's private link and pair key (cleared after a while, the anonymous
 * answers stay), a badge's claim hashes (kept, so the same badge opens again), staff's reasons for a revocation, and
 * who last changed a course's achievement.
 */
@Component
class SkillsPersonalData implements PersonalData.Declaration, PersonalData.Holder {

    static final String FORM = "skills-check";
    static final String KIND = "skills-check";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy").withZone(ZoneId.of("Europe/Berlin"));

    private final JdbcClient jdbc;
    private final SelfCheckStore store;
    private final SelfCheckRetentionJob job;

    SkillsPersonalData(JdbcClient jdbc, SelfCheckStore store, SelfCheckRetentionJob job) {
        this.jdbc = jdbc;
        this.store = store;
        this.job = job;
    }

    @Override
    public List<Use> uses() {
        return List.of(
                new Use("skills.link", Set.of(FORM, "course-registration"), LegalBasis.CONSENT, Set.of(),
                        Deletion.AFTER_RETENTION, SelfCheckRetentionJob.LOCK, job.finishedLinkRetention().toDays(), List.of(
                                new Column("skills_check", "resume_token_hash", TOKEN),
                                new Column("skills_check", "pair_key", TOKEN))),
                new Use("skills.badge", Set.of("course-registration"), LegalBasis.CONTRACT, Set.of(),
                        Deletion.WITH_RECORD, null, 0, List.of(
                                new Column("skills_credential", "claim_token_hash", TOKEN),
                                new Column("skills_claim", "token_hash", TOKEN))),
                new Use("skills.staff", Set.of(), LegalBasis.LEGAL_OBLIGATION, Set.of(),
                        Deletion.WITH_RECORD, null, 0, List.of(
                                new Column("skills_achievement", "updated_by", STAFF_ID),
                                new Column("skills_achievement", "updated_by_id", STAFF_ID))),
                new Use("skills.revocation", Set.of(), LegalBasis.PUBLIC_TASK, Set.of(),
                        Deletion.AFTER_RETENTION, SelfCheckRetentionJob.LOCK, job.revocationReasonRetention().toDays(), List.of(
                                new Column("skills_credential", "revocation_reason", FREE_TEXT))));
    }

    @Override
    public List<NotPersonal> notPersonal() {
        return List.of(
                new NotPersonal("skills_answer", "answer", "a self-assessment 0 to 3 without name or contact; anonymous once the check's link is cleared"),
                new NotPersonal("skills_credential", "json", "the signed badge: course title and a random subject id, no name; "
                        + "kept unchanged, because the holder shows it for years and the signature must still verify"),
                new NotPersonal("skills_achievement_text", "name", "the name of a course's achievement, written by staff, public"),
                new NotPersonal("skills_achievement_text", "description", "what a course's achievement certifies, public"));
    }

    /** Self-checks hold no e-mail address or phone number, so the person search never finds them. */
    @Override
    public List<Found> find(Query query) {
        return List.of();
    }

    /** A self-check's own private link, or a course's manage link (the participant's before/after checks). */
    @Override
    public List<Found> byLink(String token) {
        return jdbc.sql("""
                select c.id, c.started_at, c.completed_at, (select count(*) from skills_answer a where a.check_id = c.id) as answers
                from skills_check c where c.resume_token_hash = :hash or c.pair_key = :pair order by c.started_at""")
                .param("hash", SecretTokens.hash(token)).param("pair", SkillsService.pairKey(token))
                .query(this::found).list();
    }

    @Override
    public boolean erase(String kind, String ref, String actor) {
        return KIND.equals(kind) && store.clearLink(Long.parseLong(ref));
    }

    private Found found(ResultSet rs, int i) throws SQLException {
        var fields = new LinkedHashMap<String, String>();
        // the link itself is what ties the answers to a person, so it is shown, and "delete now" clears it
        fields.put("skills_link", "SHA-256");
        fields.put("skills_started", DATE.format(rs.getTimestamp("started_at").toInstant()));
        if (rs.getTimestamp("completed_at") != null) {
            fields.put("skills_completed", DATE.format(rs.getTimestamp("completed_at").toInstant()));
        }
        fields.put("skills_answers", Long.toString(rs.getLong("answers")));
        // no name or contact here: the link itself is what ties the answers to a person
        return new Found(KIND, FORM, Long.toString(rs.getLong("id")), null, DATE.format(rs.getTimestamp("started_at").toInstant()),
                fields, List.of("privacy.kept.skillsCheck"), true);
    }
}
