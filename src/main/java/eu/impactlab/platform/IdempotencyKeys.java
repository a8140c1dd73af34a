package eu.impactlab.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The rules for Idempotency-Key headers and the keys of form submissions, the same in every module: a key is bound to
 * its endpoint (each module stores its keys with its own records, prefixed "api:" or "form:") and to its request (the
 * SHA-256 of the canonical request is stored with it), and it lasts 24 hours. A repeat with the same request gets the
 * first result back; the same key with another request is refused.
 */
public final class IdempotencyKeys {

    /** The longest key a caller may send; stored with a prefix of at most 5 characters in a column of 100. */
    public static final int MAX_LENGTH = 80;
    /** The longest stored key ("form:" or "api:" and the key), the column's width. */
    public static final int MAX_STORED_LENGTH = 100;
    public static final Duration LIFETIME = Duration.ofHours(24);
    /** The message key a module's validation puts under "idempotencyKey" when the key belongs to another request. */
    public static final String REUSED = "input.error.idempotencyKeyReused";

    private IdempotencyKeys() {
    }

    /** 1 to 80 visible ASCII characters (and spaces), as HTTP headers carry them. */
    public static boolean acceptable(String key) {
        return key != null && !key.isBlank() && key.length() <= MAX_LENGTH && key.chars().allMatch(c -> c >= 0x20 && c < 0x7F);
    }

    /** Whether a stored key (with its prefix) fits its column and holds no control character. */
    public static boolean storable(String key) {
        return key == null || !key.isBlank() && key.length() <= MAX_STORED_LENGTH && TextRules.singleLine(key);
    }

    /** Whether a key stored at {@code createdAt} still counts at {@code now}. */
    public static boolean current(Instant createdAt, Instant now) {
        return createdAt.isAfter(now.minus(LIFETIME));
    }

    /**
     * The SHA-256 (hex) of a request's canonical form: its fields in a fixed order, each with its length, so that
     * JSON spacing or field order do not matter and no two different requests share a form.
     */
    public static String fingerprint(Object... fields) {
        StringBuilder canonical = new StringBuilder();
        for (Object field : fields) {
            String value = Objects.toString(field, null);
            canonical.append(value == null ? "-" : value.length() + ":" + value).append(';');
        }
        return SecretTokens.hash(canonical.toString());
    }
}
