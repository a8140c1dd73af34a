package eu.impactlab.accounts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A one-time link to set a password; the link holds the token, the database only its SHA-256. */
@Entity
@Table(name = "password_token")
class PasswordToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "account_id")
    Long accountId;
    @Column(name = "token_hash")
    String tokenHash;
    @Column(name = "expires_at")
    Instant expiresAt;
    @Column(name = "used_at")
    Instant usedAt;

    protected PasswordToken() {
    }

    PasswordToken(Long accountId, String tokenHash, Instant expiresAt) {
        this.accountId = accountId;
        this.tokenHash = tokenHash;
        this.expiresAt = expiresAt;
    }

    boolean usableAt(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }
}
