package eu.impactlab.equipment;

import eu.impactlab.platform.SecretTokens;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The door kiosk: a coordinator pairs a tablet with a one-time code, the tablet then holds a token (both only as
 * hashes here) and sends taps. A tap's random id makes a resent tap count once; taps become hourly tallies.
 */
@Component
class Kiosks {

    static final List<String> REASONS = List.of("DEVICE_HELP", "COURSE", "MAKER_SPACE", "BORROW", "LOOKING", "OTHER");

    record Kiosk(long id, long labId, String name, boolean active, boolean paired, Instant pairingExpiresAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final EquipmentProperties properties;
    private final ApplicationEventPublisher events;

    Kiosks(JdbcClient jdbc, Clock clock, EquipmentProperties properties, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.events = events;
    }

    private static final String SELECT = "select id, lab_id, name, active, token_hash is not null, pairing_expires_at from kiosk";

    List<Kiosk> atLab(long labId) {
        return jdbc.sql(SELECT + " where lab_id = :lab order by id").param("lab", labId).query(Kiosks::row).list();
    }

    Optional<Kiosk> byId(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(Kiosks::row).optional();
    }

    /** An active kiosk by its token; a switched-off or unknown one is empty. */
    Optional<Kiosk> byToken(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " where token_hash = :hash and active").param("hash", SecretTokens.hash(token))
                .query(Kiosks::row).optional();
    }

    /** A new kiosk, or a new pairing code for an existing one; returns the code to type on the tablet. */
    @Transactional
    String newPairingCode(long labId, Long kioskId, String name) {
        String code = SecretTokens.newToken().substring(0, 8).toUpperCase().replace('-', '7').replace('_', '8');
        Timestamp expires = Timestamp.from(Instant.now(clock).plus(properties.pairingValidity()));
        if (kioskId == null) {
            jdbc.sql("insert into kiosk (lab_id, name, pairing_code_hash, pairing_expires_at) values (:lab, :name, :code, :expires)")
                    .param("lab", labId).param("name", name).param("code", SecretTokens.hash(code)).param("expires", expires).update();
        } else {
            jdbc.sql("update kiosk set pairing_code_hash = :code, pairing_expires_at = :expires, active = true where id = :id and lab_id = :lab")
                    .param("code", SecretTokens.hash(code)).param("expires", expires).param("id", kioskId).param("lab", labId).update();
        }
        return code;
    }

    /** Pairs the tablet that typed a valid code: returns its new token; the code is used up. */
    @Transactional
    Optional<String> pair(String code) {
        if (code == null || code.isBlank() || code.length() > 40) {
            return Optional.empty();
        }
        String token = SecretTokens.newToken();
        int paired = jdbc.sql("""
                update kiosk set token_hash = :token, pairing_code_hash = null, pairing_expires_at = null, active = true
                where pairing_code_hash = :code and pairing_expires_at > :now""")
                .param("token", SecretTokens.hash(token)).param("code", SecretTokens.hash(code.strip().toUpperCase()))
                .param("now", Timestamp.from(Instant.now(clock))).update();
        return paired == 1 ? Optional.of(token) : Optional.empty();
    }

    /** Switches a kiosk off at once: its token stops working. */
    @Transactional
    boolean switchOff(long kioskId, long labId) {
        return jdbc.sql("update kiosk set active = false, token_hash = null, pairing_code_hash = null where id = :id and lab_id = :lab")
                .param("id", kioskId).param("lab", labId).update() == 1;
    }

    /**
     * Counts a tap once: a tap id seen before changes nothing. {@code tappedAt} (when the tablet was offline) counts
     * within the last day, otherwise the time of arrival.
     */
    @Transactional
    boolean tap(Kiosk kiosk, UUID tapId, String reason, Instant tappedAt) {
        Instant now = Instant.now(clock);
        Instant when = tappedAt == null || tappedAt.isAfter(now) || tappedAt.isBefore(now.minus(Duration.ofDays(1))) ? now : tappedAt;
        int inserted = jdbc.sql("insert into kiosk_tap (tap_id, kiosk_id, received_at) values (:tap, :kiosk, :now) on conflict do nothing")
                .param("tap", tapId).param("kiosk", kiosk.id()).param("now", Timestamp.from(now)).update();
        if (inserted == 0) {
            return false;
        }
        ZonedDateTime local = when.atZone(Reservations.BREMEN);
        jdbc.sql("""
                insert into kiosk_tally (lab_id, day, hour, reason, taps) values (:lab, :day, :hour, :reason, 1)
                on conflict (lab_id, day, hour, reason) do update set taps = kiosk_tally.taps + 1""")
                .param("lab", kiosk.labId()).param("day", local.toLocalDate()).param("hour", local.getHour())
                .param("reason", reason).update();
        events.publishEvent(new DoorVisited(tapId, kiosk.labId(), local.toLocalDate(), local.getHour(), reason));
        return true;
    }

    /** Forgets single taps older than a day; the hourly tallies stay. */
    int forgetOldTaps(Instant now) {
        return jdbc.sql("delete from kiosk_tap where received_at < :limit").param("limit", Timestamp.from(now.minus(Duration.ofDays(1))))
                .update();
    }

    private static Kiosk row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        Timestamp expires = rs.getTimestamp(6);
        return new Kiosk(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBoolean(4), rs.getBoolean(5),
                expires == null ? null : expires.toInstant());
    }
}
