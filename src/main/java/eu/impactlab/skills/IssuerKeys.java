package eu.impactlab.skills;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.EdECPrivateKey;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The badge issuer's Ed25519 key: created on first use in a file only the app's user may read
 * (impactlab.skills.issuer-key-path); its public key is recorded in skills_issuer_key, where old keys stay after a
 * rotation so that the badges they signed stay verifiable.
 */
@Component
class IssuerKeys {

    record Current(byte[] seed, String publicKeyMultibase) {
    }

    private final Path path;
    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile Current current;

    IssuerKeys(@Value("${impactlab.skills.issuer-key-path:${impactlab.data-dir:./data}/skills-issuer-ed25519.key}") Path path,
            JdbcClient jdbc, Clock clock) {
        this.path = path;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    synchronized Current current() {
        if (current == null) {
            current = Files.exists(path) ? read() : create();
            jdbc.sql("insert into skills_issuer_key (public_key_multibase, created_at) values (?, ?) on conflict do nothing")
                    .params(current.publicKeyMultibase(), Timestamp.from(Instant.now(clock))).update();
        }
        return current;
    }

    /** Every public key this app has signed with, newest first. */
    List<String> publicKeys() {
        current();
        return jdbc.sql("select public_key_multibase from skills_issuer_key order by created_at desc, id desc")
                .query(String.class).list();
    }

    /** A new key for new badges; the old public key stays listed. */
    synchronized Current rotate() {
        jdbc.sql("update skills_issuer_key set retired_at = ? where retired_at is null").param(Timestamp.from(Instant.now(clock))).update();
        current = null;
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return current();
    }

    private Current read() {
        try {
            List<String> lines = Files.readAllLines(path, StandardCharsets.US_ASCII);
            return new Current(Base64.getDecoder().decode(lines.get(0).trim()), lines.get(1).trim());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("the badge issuer key file cannot be read: " + path, e);
        }
    }

    private Current create() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            byte[] seed = ((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow();
            String publicKey = Multibase.publicKey(DataIntegrity.rawPublicKey(pair.getPublic()));
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(path, Base64.getEncoder().encodeToString(seed) + "\n" + publicKey + "\n", StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // on a file system without POSIX permissions the operator protects the folder
            }
            return new Current(seed, publicKey);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("the badge issuer key cannot be created at " + path, e);
        }
    }
}
