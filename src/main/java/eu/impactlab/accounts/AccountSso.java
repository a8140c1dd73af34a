package eu.impactlab.accounts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Which subject at which OpenID Connect provider logs in as which local account. */
@Entity
@Table(name = "account_sso")
class AccountSso {

    @Id
    @Column(name = "account_id")
    Long accountId;
    String issuer;
    String subject;

    protected AccountSso() {
    }

    AccountSso(long accountId, String issuer, String subject) {
        this.accountId = accountId;
        this.issuer = issuer;
        this.subject = subject;
    }
}
