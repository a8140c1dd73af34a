package eu.impactlab.skills;

import eu.impactlab.courses.CourseService;
import eu.impactlab.platform.SecretTokens;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Claim links of course completers, one per registration: a fresh token on completion (for the mail) or on printing a
 * slip (which replaces the previous one, so a lost slip stops working). Only the token's hash is stored.
 */
@Component
class Claims {

    /** Who a link on the claim page belongs to; {@code manageClaimHash} only for a manage link (badges claimed before V73). */
    record Claimant(long registrationId, String manageClaimHash) {
    }

    private final JdbcClient jdbc;
    private final CourseService courses;
    private final Clock clock;

    Claims(JdbcClient jdbc, CourseService courses, Clock clock) {
        this.jdbc = jdbc;
        this.courses = courses;
        this.clock = clock;
    }

    /**
     * The first claim link of a registration; @return its token, or empty when the registration already has one (a
     * redelivered completion event must not send a second mail)
     */
    Optional<String> first(long registrationId, long courseId) {
        String token = SecretTokens.newToken();
        int inserted = jdbc.sql("""
                insert into skills_claim (registration_id, course_id, token_hash, created_at) values (?, ?, ?, ?)
                on conflict (registration_id) do nothing""")
                .params(registrationId, courseId, SecretTokens.hash(token), Timestamp.from(Instant.now(clock))).update();
        return inserted == 1 ? Optional.of(token) : Optional.empty();
    }

    /** A new claim link for a registration; the previous one stops working. */
    String fresh(long registrationId, long courseId) {
        String token = SecretTokens.newToken();
        jdbc.sql("""
                insert into skills_claim (registration_id, course_id, token_hash, created_at) values (?, ?, ?, ?)
                on conflict (registration_id) do update set token_hash = excluded.token_hash, created_at = excluded.created_at""")
                .params(registrationId, courseId, SecretTokens.hash(token), Timestamp.from(Instant.now(clock))).update();
        return token;
    }

    /** The registration behind a claim link or a manage link. */
    Optional<Claimant> claimant(String token) {
        Optional<Long> byClaim = jdbc.sql("select registration_id from skills_claim where token_hash = ?")
                .param(SecretTokens.hash(token)).query(Long.class).optional();
        if (byClaim.isPresent()) {
            return Optional.of(new Claimant(byClaim.get(), null));
        }
        return courses.registrationId(token)
                .map(id -> new Claimant(id, SecretTokens.hash(Badges.claimToken(token))));
    }
}
