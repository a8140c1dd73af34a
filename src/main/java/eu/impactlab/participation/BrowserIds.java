package eu.impactlab.participation;

import eu.impactlab.platform.SecretTokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The support cookie: a random browser id signed with a key kept in the database (shared by all instances), so only
 * ids this app handed out count. The database stores only the id's SHA-256, which says nothing about a person. The
 * same key makes the stored form of a confirmed supporter's address.
 */
@Component
class BrowserIds {

    static final String COOKIE = "impactlab_supporter";

    private final JdbcClient jdbc;
    private volatile byte[] key;

    BrowserIds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String newCookieValue() {
        String id = SecretTokens.newToken();
        return id + "." + mac(id);
    }

    /** The stored form of a valid cookie's browser id, or empty for a missing or forged cookie. */
    Optional<String> hashOf(String cookieValue) {
        if (cookieValue == null || cookieValue.length() > 200) {
            return Optional.empty();
        }
        int dot = cookieValue.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String id = cookieValue.substring(0, dot);
        boolean valid = MessageDigest.isEqual(mac(id).getBytes(StandardCharsets.US_ASCII),
                cookieValue.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
        return valid ? Optional.of(SecretTokens.hash(id)) : Optional.empty();
    }

    /**
     * The stored form of a supporter's e-mail address: keyed with the same secret, because a plain SHA-256 of an address
     * can be found by trying likely addresses; 64 hex digits like a SHA-256.
     */
    String emailHash(String email) {
        return java.util.HexFormat.of().formatHex(rawMac(email.strip().toLowerCase(java.util.Locale.ROOT)));
    }

    private String mac(String id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(rawMac(id));
    }

    private byte[] rawMac(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            jdbc.sql("insert into participation_key (id, secret) values (1, ?) on conflict (id) do nothing")
                    .param(SecretTokens.newToken()).update();
            k = jdbc.sql("select secret from participation_key where id = 1").query(String.class).single()
                    .getBytes(StandardCharsets.US_ASCII);
            key = k;
        }
        return k;
    }
}
