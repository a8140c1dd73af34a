package eu.impactlab.accounts;

import java.time.Instant;
import java.util.Set;

/**
 * A staff account as pages and other modules see it; never carries the password hash. The role is null for an account
 * from single sign-on that waits for an admin to assign one.
 */
public record AccountView(
        long id, String username, String displayName, String email, Role role, boolean enabled,
        boolean passwordSet, Set<Long> labIds, Instant createdAt, boolean singleSignOn) {

    static AccountView of(Account a) {
        return new AccountView(a.id, a.username, a.displayName, a.email, a.role, a.enabled, a.passwordHash != null,
                Set.copyOf(a.labIds), a.createdAt, a.singleSignOn);
    }
}
