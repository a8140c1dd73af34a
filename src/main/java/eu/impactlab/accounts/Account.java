package eu.impactlab.accounts;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

@Entity
@Table(name = "account")
class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    String username;
    @Column(name = "display_name")
    String displayName;
    String email;
    @Column(name = "password_hash")
    String passwordHash;
    @Enumerated(EnumType.STRING)
    Role role;
    boolean enabled = true;
    @Column(name = "created_at")
    Instant createdAt = Instant.now();

    @Version
    long version;

    /** Logs in through the OpenID Connect provider (table account_sso), not with a password. */
    @org.hibernate.annotations.Formula("exists (select 1 from account_sso s where s.account_id = id)")
    boolean singleSignOn;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "account_lab", joinColumns = @JoinColumn(name = "account_id"))
    @Column(name = "lab_id")
    Set<Long> labIds = new HashSet<>();

    protected Account() {
    }

    Account(String username, String displayName, String email, Role role, Set<Long> labIds) {
        this.username = Usernames.normalise(username);
        this.displayName = displayName;
        this.email = email;
        this.role = role;
        if (role != null && role.actsForLabs()) {
            this.labIds.addAll(labIds);
        }
    }
}
