package eu.impactlab.equipment;

import eu.impactlab.platform.SecretTokens;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Maker passes and their inductions. The short code on the card reserves machines; the secret link shows the pass and
 * is stored only as a hash. No name is needed: a nickname and an e-mail address are optional, for reminders.
 */
@Component
class MakerPasses {

    /** Letters and digits that cannot be mistaken for each other when read off a card. */
    private static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    record Pass(long id, String code, long labId, String nickname, String email, String uiLanguage, Instant lastUsedAt) {
    }

    record Induction(MachineType type, long labId, Instant inductedAt, Instant validUntil) {
        public boolean validAt(Instant when) {
            return !validUntil.isBefore(when);
        }
    }

    record Issued(Pass pass, String token) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final EquipmentProperties properties;
    private final ApplicationEventPublisher events;

    MakerPasses(JdbcClient jdbc, Clock clock, EquipmentProperties properties, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.events = events;
    }

    static String normalise(String code) {
        return code == null ? "" : code.strip().toUpperCase(Locale.ROOT).replace(' ', '-');
    }

    @Transactional
    Issued issue(long labId, String nickname, String email, String uiLanguage) {
        return issue(labId, "MAKER-" + random(4) + "-" + random(4), nickname, email, uiLanguage);
    }

    /** A pass with a given code (the demo passes); the caller keeps the token or forgets it. */
    @Transactional
    Issued issue(long labId, String code, String nickname, String email, String uiLanguage) {
        String token = SecretTokens.newToken();
        long id = jdbc.sql("""
                insert into maker_pass (code, token_hash, lab_id, nickname, email, ui_language, created_at, last_used_at)
                values (:code, :hash, :lab, :nickname, :email, :lang, :now, :now) returning id""")
                .param("code", code).param("hash", SecretTokens.hash(token)).param("lab", labId)
                .param("nickname", blankToNull(nickname)).param("email", blankToNull(email)).param("lang", uiLanguage)
                .param("now", Timestamp.from(Instant.now(clock))).query(Long.class).single();
        return new Issued(byId(id).orElseThrow(), token);
    }

    Optional<Pass> byCode(String code) {
        return jdbc.sql(SELECT + " where code = :code").param("code", normalise(code)).query(MakerPasses::pass).optional();
    }

    /** The pass, locked until the transaction ends, so one pass's reservations are checked against its quota one at a time. */
    Optional<Pass> byCodeForUpdate(String code) {
        return jdbc.sql(SELECT + " where code = :code for update").param("code", normalise(code)).query(MakerPasses::pass).optional();
    }

    Optional<Pass> byToken(String token) {
        return jdbc.sql(SELECT + " where token_hash = :hash").param("hash", SecretTokens.hash(token)).query(MakerPasses::pass).optional();
    }

    Optional<Pass> byId(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(MakerPasses::pass).optional();
    }

    List<Induction> inductions(long passId) {
        return jdbc.sql("""
                select induction_type, lab_id, inducted_at,
                    least(expires_at, last_used_at + make_interval(secs => :lapse)) as valid_until
                from induction where pass_id = :pass order by induction_type""")
                .param("pass", passId).param("lapse", properties.inductionLapse().toSeconds())
                .query((rs, i) -> new Induction(MachineType.valueOf(rs.getString(1)), rs.getLong(2),
                        rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant()))
                .list();
    }

    Optional<Induction> induction(long passId, MachineType type) {
        return inductions(passId).stream().filter(i -> i.type() == type).findFirst();
    }

    /** Marks the pass as inducted for a machine type (again: a new induction starts the validity afresh). */
    @Transactional
    void induct(long passId, MachineType type, long labId) {
        Instant now = Instant.now(clock);
        jdbc.sql("""
                insert into induction (pass_id, induction_type, lab_id, inducted_at, expires_at, last_used_at)
                values (:pass, :type, :lab, :now, :expires, :now)
                on conflict (pass_id, induction_type) do update set lab_id = excluded.lab_id,
                    inducted_at = excluded.inducted_at, expires_at = excluded.expires_at, last_used_at = excluded.last_used_at""")
                .param("pass", passId).param("type", type.name()).param("lab", labId).param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(now.plus(properties.inductionValidity()))).update();
        touch(passId, now);
        events.publishEvent(new InductionGiven(UUID.randomUUID(), labId, LocalDate.now(clock), type.name()));
    }

    /** The pass and the induction for this type were used now: both stay alive. */
    void used(long passId, MachineType inductionType, Instant now) {
        touch(passId, now);
        if (inductionType != null) {
            jdbc.sql("update induction set last_used_at = :now where pass_id = :pass and induction_type = :type")
                    .param("now", Timestamp.from(now)).param("pass", passId).param("type", inductionType.name()).update();
        }
    }

    private void touch(long passId, Instant now) {
        jdbc.sql("update maker_pass set last_used_at = greatest(last_used_at, :now) where id = :id")
                .param("now", Timestamp.from(now)).param("id", passId).update();
    }

    private static final String SELECT = "select id, code, lab_id, nickname, email, ui_language, last_used_at from maker_pass";

    private static Pass pass(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Pass(rs.getLong("id"), rs.getString("code"), rs.getLong("lab_id"), rs.getString("nickname"),
                rs.getString("email"), rs.getString("ui_language"), rs.getTimestamp("last_used_at").toInstant());
    }

    private static String random(int length) {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < length; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
