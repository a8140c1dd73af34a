package eu.impactlab.accounts;

import eu.impactlab.platform.SecretTokens;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff two-factor login: an authenticator secret per account, confirmed by a first code, and ten one-time recovery
 * codes kept only as hashes. Each check is a conditional update, so two logins racing with one code cannot both win.
 */
@Component
class TwoFactor {

    static final int RECOVERY_CODES = 10;
    private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    TwoFactor(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    boolean enrolled(long accountId) {
        return jdbc.sql("select count(*) from account_totp where account_id = :id and confirmed_at is not null")
                .param("id", accountId).query(Long.class).single() > 0;
    }

    @Transactional(readOnly = true)
    int recoveryCodesLeft(long accountId) {
        return jdbc.sql("select count(*) from account_recovery_code where account_id = :id")
                .param("id", accountId).query(Long.class).single().intValue();
    }

    /** The secret waiting for its first code; a new one when there is none (an enrolled account gets none). */
    @Transactional
    Optional<String> pendingSecret(long accountId) {
        jdbc.sql("insert into account_totp (account_id, secret) values (:id, :secret) on conflict (account_id) do nothing")
                .param("id", accountId).param("secret", Totp.newSecret()).update();
        return jdbc.sql("select secret from account_totp where account_id = :id and confirmed_at is null")
                .param("id", accountId).query(String.class).optional();
    }

    /** Confirms enrolment with a first code; @return the ten recovery codes to show once, or empty when the code is wrong */
    @Transactional
    Optional<List<String>> confirm(long accountId, String code) {
        Optional<String> secret = jdbc.sql("select secret from account_totp where account_id = :id and confirmed_at is null")
                .param("id", accountId).query(String.class).optional();
        long step = secret.map(s -> Totp.matchingStep(s, normalise(code), Totp.step(clock.instant().getEpochSecond())))
                .orElse(-1L);
        if (step < 0) {
            return Optional.empty();
        }
        jdbc.sql("update account_totp set confirmed_at = :now, last_step = :step where account_id = :id")
                .param("now", Timestamp.from(clock.instant())).param("step", step).param("id", accountId).update();
        return Optional.of(newRecoveryCodes(accountId));
    }

    /**
     * Checks a login's second factor: a current authenticator code not used before, or an unused recovery code, which
     * is then gone.
     */
    @Transactional
    boolean verify(long accountId, String code) {
        String typed = normalise(code);
        if (typed.isEmpty()) {
            return false;
        }
        if (typed.matches("\\d{" + Totp.DIGITS + "}")) {
            Optional<String> secret = jdbc.sql("select secret from account_totp where account_id = :id and confirmed_at is not null")
                    .param("id", accountId).query(String.class).optional();
            long step = secret.map(s -> Totp.matchingStep(s, typed, Totp.step(clock.instant().getEpochSecond()))).orElse(-1L);
            // Only a later step than the last one used counts: a code seen over someone's shoulder is spent.
            return step >= 0 && jdbc.sql("update account_totp set last_step = :step where account_id = :id and last_step < :step")
                    .param("step", step).param("id", accountId).update() == 1;
        }
        return jdbc.sql("delete from account_recovery_code where account_id = :id and code_hash = :hash")
                .param("id", accountId).param("hash", SecretTokens.hash(typed)).update() == 1;
    }

    /** Replaces the recovery codes; @return the new ones, to show once */
    @Transactional
    List<String> newRecoveryCodes(long accountId) {
        jdbc.sql("delete from account_recovery_code where account_id = :id").param("id", accountId).update();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String code = randomCode();
            codes.add(code);
            jdbc.sql("insert into account_recovery_code (account_id, code_hash) values (:id, :hash)")
                    .param("id", accountId).param("hash", SecretTokens.hash(normalise(code))).update();
        }
        return codes;
    }

    /** Removes the secret and the recovery codes; @return whether there was a confirmed secret */
    @Transactional
    boolean reset(long accountId) {
        boolean had = enrolled(accountId);
        jdbc.sql("delete from account_recovery_code where account_id = :id").param("id", accountId).update();
        jdbc.sql("delete from account_totp where account_id = :id").param("id", accountId).update();
        return had;
    }

    /** Spaces and dashes are for reading; case does not matter. */
    private static String normalise(String code) {
        return code == null ? "" : code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
    }

    /** Ten characters from 31 unambiguous ones (about 50 bits), written as two groups of five. */
    private static String randomCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                code.append('-');
            }
            code.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
        }
        return code.toString();
    }
}
